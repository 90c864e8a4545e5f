<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent in {requests}</source>
        <extracomment>Cancel: an Event that gets set, or a callable that returns True once cancelled. HTTP statuses that say the request was not processed: 503 (Service Unavailable: refused before it was handled, what an overloaded platform or a gateway with no upstream says) and 429 (Too Many Requests). Every other 5xx may come after the platform stored the datapoints: a gateway&apos;s 502/504 after forwarding, the platform&apos;s 500 midway. `message` as a Message for a person (rendered in their language); None: no message.</extracomment>
        <translation>
            <numerusform>%Ln datapoint sent in {requests}</numerusform>
            <numerusform>%Ln datapoints sent in {requests}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gave up after %Ln attempt(s)</source>
        <translation>
            <numerusform>gave up after %Ln attempt</numerusform>
            <numerusform>gave up after %Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s)</source>
        <translation>
            <numerusform>%Ln datapoint</numerusform>
            <numerusform>%Ln datapoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datastream(s)</source>
        <translation>
            <numerusform>%Ln datastream</numerusform>
            <numerusform>%Ln datastreams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tick(s)</source>
        <translation>
            <numerusform>%Ln tick</numerusform>
            <numerusform>%Ln ticks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without `at` went in requests of their own: their datastreams had several queued, and of one request the platform keeps only the last. Each is stamped with the time it arrived.</source>
        <translation>
            <numerusform>%Ln datapoint without `at` went in a request of its own: its datastream had several queued, and of one request the platform keeps only the last. It is stamped with the time it arrived.</numerusform>
            <numerusform>%Ln datapoints without `at` went in requests of their own: their datastreams had several queued, and of one request the platform keeps only the last. Each is stamped with the time it arrived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stopped: %Ln later request(s) not sent; they wait in the outbox</source>
        <translation>
            <numerusform>stopped: %Ln later request not sent; they wait in the outbox</numerusform>
            <numerusform>stopped: %Ln later requests not sent; they wait in the outbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without at ({shown}) are followed by another without at in the stream</source>
        <extracomment>How many datapoint numbers a message about many datapoints lists before &quot;…&quot;.</extracomment>
        <translation>
            <numerusform>%Ln datapoint without at ({shown}) is followed by another without at in the stream</numerusform>
            <numerusform>%Ln datapoints without at ({shown}) are followed by another without at in the stream</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) share an at with a later one ({shown}); the first: at {at}, where only the last ({kept}, #{last}) is kept</source>
        <translation>
            <numerusform>%Ln datapoint shares an at with a later one ({shown}); the first: at {at}, where only the last ({kept}, #{last}) is kept</numerusform>
            <numerusform>%Ln datapoints share an at with a later one ({shown}); the first: at {at}, where only the last ({kept}, #{last}) is kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) above the table were skipped (they do not have its columns).</source>
        <translation>
            <numerusform>%Ln line above the table was skipped (it does not have its columns).</numerusform>
            <numerusform>%Ln lines above the table were skipped (they do not have its columns).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no header and empty in the first %Ln row(s)</source>
        <translation>
            <numerusform>no header and empty in the first row</numerusform>
            <numerusform>no header and empty in the first %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only {text} (no reading) in the first %Ln row(s)</source>
        <translation>
            <numerusform>only {text} (no reading) in the first row</numerusform>
            <numerusform>only {text} (no reading) in the first %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>empty in the first %Ln row(s)</source>
        <translation>
            <numerusform>empty in the first row</numerusform>
            <numerusform>empty in the first %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln line(s) above the header</source>
        <translation>
            <numerusform>skipped %Ln line above the header</numerusform>
            <numerusform>skipped %Ln lines above the header</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%Ln request(s) match</source>
        <translation>
            <numerusform>%Ln request matches</numerusform>
            <numerusform>%Ln requests match</numerusform>
        </translation>
    </message>
</context>
</TS>
