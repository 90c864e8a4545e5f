<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent in {requests}</source>
        <extracomment>Cancel: an Event that gets set, or a callable that returns True once cancelled. HTTP statuses that say the request was not processed: 503 (Service Unavailable: refused before it was handled, what an overloaded platform or a gateway with no upstream says) and 429 (Too Many Requests). Every other 5xx may come after the platform stored the datapoints: a gateway&apos;s 502/504 after forwarding, the platform&apos;s 500 midway.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without at ({shown}) would be overwritten by a later one without at; only the last ({kept}, #{last}) is kept</source>
        <extracomment>Stream id characters accepted without comment: letters (any script: the official SDK used Chinese ids), digits, `_ - .` (`pm2.5` is the docs&apos; own). Before this, an `at` is most likely a wrong format or zone. Each rule&apos;s name as shown, and its reason (shared onenet-api.md, cited per rule in `validate`): English sources of the &quot;validation&quot; context of the catalogues. How many datapoint numbers a message about many datapoints lists before &quot;…&quot;.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) share an at with a later one ({shown}); the first: at {at}, where only the last ({kept}, #{last}) is kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
