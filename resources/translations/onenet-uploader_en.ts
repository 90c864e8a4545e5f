<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent in {requests}</source>
        <extracomment>`message` as a Message for a person (rendered in their language); None: no message.</extracomment>
        <translation>
            <numerusform>%Ln datapoint sent in {requests}</numerusform>
            <numerusform>%Ln datapoints sent in {requests}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gave up after %Ln attempt(s)</source>
        <extracomment>Cancel: an Event that gets set, or a callable that returns True once cancelled.</extracomment>
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
        <source>%Ln datapoint(s) made for the window&apos;s local sandbox were left alone: only the window runs it (they never go to another endpoint unless you move them there in the window).</source>
        <translation>
            <numerusform>%Ln datapoint made for the window&apos;s local sandbox was left alone: only the window runs it (it never goes to another endpoint unless you move it there in the window).</numerusform>
            <numerusform>%Ln datapoints made for the window&apos;s local sandbox were left alone: only the window runs it (they never go to another endpoint unless you move them there in the window).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s){narrowed} were refused by the platform (failed): fix the cause (see `onenet-uploader outbox --state failed` and the log), then send them with --retry-failed.</source>
        <translation>
            <numerusform>%Ln datapoint{narrowed} was refused by the platform (failed): fix the cause (see `onenet-uploader outbox --state failed` and the log), then send it with --retry-failed.</numerusform>
            <numerusform>%Ln datapoints{narrowed} were refused by the platform (failed): fix the cause (see `onenet-uploader outbox --state failed` and the log), then send them with --retry-failed.</numerusform>
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
        <source>%Ln datapoint(s) refused by the platform earlier were not retried (--retry-failed does).</source>
        <translation>
            <numerusform>%Ln datapoint refused by the platform earlier was not retried (--retry-failed does).</numerusform>
            <numerusform>%Ln datapoints refused by the platform earlier were not retried (--retry-failed does).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without an explicit `at` were held back: an earlier request that carried them may have stored them (outcome unknown), and the platform would store them again. Check the platform, then use --allow-duplicates to send them anyway.</source>
        <translation>
            <numerusform>%Ln datapoint without an explicit `at` was held back: an earlier request that carried it may have stored it (outcome unknown), and the platform would store it again. Check the platform, then use --allow-duplicates to send it anyway.</numerusform>
            <numerusform>%Ln datapoints without an explicit `at` were held back: an earlier request that carried them may have stored them (outcome unknown), and the platform would store them again. Check the platform, then use --allow-duplicates to send them anyway.</numerusform>
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
        <source>%Ln datapoint(s) ({shown}) are overwritten by a later one with the same at; at {at}, the first such, only #{last} ({kept}) is kept</source>
        <translation>
            <numerusform>%Ln datapoint ({shown}) is overwritten by a later one with the same at; at {at} only #{last} ({kept}) is kept</numerusform>
            <numerusform>%Ln datapoints ({shown}) are overwritten by a later one with the same at; at {at}, the first such, only #{last} ({kept}) is kept</numerusform>
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
        <source>%Ln row(s) with fewer cells than the header: the cells missing at their end are read as empty</source>
        <translation>
            <numerusform>%Ln row with fewer cells than the header: the cells missing at its end are read as empty</numerusform>
            <numerusform>%Ln rows with fewer cells than the header: the cells missing at their end are read as empty</numerusform>
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
        <source>no header and no readings in the first %Ln row(s), only {text}</source>
        <translation>
            <numerusform>no header and no readings in the first row, only {text}</numerusform>
            <numerusform>no header and no readings in the first %Ln rows, only {text}</numerusform>
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
    <message numerus="yes">
        <source>  … and %Ln more problem(s)</source>
        <translation>
            <numerusform>  … and %Ln more problem</numerusform>
            <numerusform>  … and %Ln more problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) were stored (marked &apos;sent&apos;).</source>
        <translation>
            <numerusform>%Ln datapoint was stored (marked &apos;sent&apos;).</numerusform>
            <numerusform>%Ln datapoints were stored (marked &apos;sent&apos;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sub-field separator {sub}, field separator {sep}; %Ln field(s):</source>
        <extracomment>Bodies larger than this are shown as their start and end only (the rest: &quot;Save body to file…&quot;). How much of the start and of the end of a large body is shown. Bodies larger than this are not pretty-printed in the window.</extracomment>
        <translation>
            <numerusform>sub-field separator {sub}, field separator {sep}; %Ln field:</numerusform>
            <numerusform>sub-field separator {sub}, field separator {sep}; %Ln fields:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) of empty lines came before the request line (CRLFs after an earlier body?); skipped, as RFC 9112 2.2 allows</source>
        <translation>
            <numerusform>%Ln byte of empty lines came before the request line (CRLFs after an earlier body?); skipped, as RFC 9112 2.2 allows</numerusform>
            <numerusform>%Ln bytes of empty lines came before the request line (CRLFs after an earlier body?); skipped, as RFC 9112 2.2 allows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) of CR/LF came after the body; ignored, as the platform does</source>
        <translation>
            <numerusform>%Ln byte of CR/LF came after the body; ignored, as the platform does</numerusform>
            <numerusform>%Ln bytes of CR/LF came after the body; ignored, as the platform does</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Content-Length {length} but %Ln more byte(s) came right after the body; they were not read</source>
        <extracomment>The sandbox&apos;s own cap on one request body. The platform documents no limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md, &quot;Limits&quot;); this only keeps a runaway client from filling memory. The cap on a request line and its headers together (HTTP 431 beyond).</extracomment>
        <translation>
            <numerusform>Content-Length {length} but %Ln more byte came right after the body; it was not read</numerusform>
            <numerusform>Content-Length {length} but %Ln more bytes came right after the body; they were not read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more byte(s) came right after the body; they were not read</source>
        <translation>
            <numerusform>%Ln more byte came right after the body; it was not read</numerusform>
            <numerusform>%Ln more bytes came right after the body; they were not read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Content-Length {length} but %Ln more byte(s) came right after the body; read as a next request</source>
        <translation>
            <numerusform>Content-Length {length} but %Ln more byte came right after the body; read as a next request</numerusform>
            <numerusform>Content-Length {length} but %Ln more bytes came right after the body; read as a next request</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more byte(s) came right after the body; read as a next request</source>
        <translation>
            <numerusform>%Ln more byte came right after the body; read as a next request</numerusform>
            <numerusform>%Ln more bytes came right after the body; read as a next request</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>column {column}: {kind}, decided on all its rows: row {row} holds {value}, which the first %Ln row(s) read did not show</source>
        <translation>
            <numerusform>column {column}: {kind}, decided on all its rows: row {row} holds {value}, which the first %Ln row read did not show</numerusform>
            <numerusform>column {column}: {kind}, decided on all its rows: row {row} holds {value}, which the first %Ln rows read did not show</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln time(s) far from the rest of the column ({low} to {high} for most rows): row(s) {rows}. A typing error, or another format?</source>
        <extracomment>delimited rows read with empty cells added at their end (`process`) JSON sources: values keep their JSON type (&quot;20.9&quot; stays text); no text is parsed. Warn per row about a missing time (not for OneNET bodies, where no `at` means &quot;server time&quot;). InfluxDB annotated CSV: the header, repeated above each table (those rows and `#` lines are skipped). Long layout: datastream ids renamed ({id in the file: id sent}). What every row shows of the value columns whose kind the first rows gave (`kinds.revise`). Long layout, a value column of no chosen kind: what every row shows of each datastream&apos;s values. Times of day without a date column: the current row&apos;s day, the previous time of day, the chunk&apos;s new days.</extracomment>
        <translation>
            <numerusform>%Ln time far from the rest of the column ({low} to {high} for most rows): row {rows}. A typing error, or another format?</numerusform>
            <numerusform>%Ln times far from the rest of the column ({low} to {high} for most rows): rows {rows}. A typing error, or another format?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln time(s) in the future: row(s) {rows}. Is the time zone or the format right?</source>
        <translation>
            <numerusform>%Ln time in the future: row {rows}. Is the time zone or the format right?</numerusform>
            <numerusform>%Ln times in the future: rows {rows}. Is the time zone or the format right?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) could not be read.</source>
        <translation>
            <numerusform>%Ln datapoint could not be read.</numerusform>
            <numerusform>%Ln datapoints could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln datapoint(s) could not be read.</source>
        <translation>
            <numerusform>At least %Ln datapoint could not be read.</numerusform>
            <numerusform>At least %Ln datapoints could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln history entry(ies) could not be read.</source>
        <translation>
            <numerusform>%Ln history entry could not be read.</numerusform>
            <numerusform>%Ln history entries could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln history entry(ies) could not be read.</source>
        <translation>
            <numerusform>At least %Ln history entry could not be read.</numerusform>
            <numerusform>At least %Ln history entries could not be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnsTable</name>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln value</numerusform>
            <numerusform>%Ln values</numerusform>
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
    <message numerus="yes">
        <source>Exporting %Ln entry(ies) to {path}…</source>
        <translation>
            <numerusform>Exporting %Ln entry to {path}…</numerusform>
            <numerusform>Exporting %Ln entries to {path}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ %Ln entry(ies) exported to {path}.</source>
        <translation>
            <numerusform>✔ %Ln entry exported to {path}.</numerusform>
            <numerusform>✔ %Ln entries exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message numerus="yes">
        <source>%Ln datapoint(s) imported from {name}.</source>
        <translation>
            <numerusform>%Ln datapoint imported from {name}.</numerusform>
            <numerusform>%Ln datapoints imported from {name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln row(s) cannot be read and are not imported (see Problems).</source>
        <translation>
            <numerusform>%Ln row cannot be read and is not imported (see Problems).</numerusform>
            <numerusform>%Ln rows cannot be read and are not imported (see Problems).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln datapoint(s)</source>
        <translation>
            <numerusform>&amp;Import %Ln datapoint</numerusform>
            <numerusform>&amp;Import %Ln datapoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln datapoint(s) to the editor…</source>
        <translation>
            <numerusform>Adding %Ln datapoint to the editor…</numerusform>
            <numerusform>Adding %Ln datapoints to the editor…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} datapoints of this file already wait to be sent or were sent.</source>
        <translation>
            <numerusform>%Ln of {total} datapoints of this file already waits to be sent or was sent.</numerusform>
            <numerusform>%Ln of {total} datapoints of this file already wait to be sent or were sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the {total} datapoints in {name} were imported before and already wait to be sent or were sent to this device. Import them again? Datapoints without a time of their own would be stored twice.</source>
        <translation>
            <numerusform>%Ln of the {total} datapoints in {name} was imported before and already waits to be sent or was sent to this device. Import it again? Datapoints without a time of their own would be stored twice.</numerusform>
            <numerusform>%Ln of the {total} datapoints in {name} were imported before and already wait to be sent or were sent to this device. Import them again? Datapoints without a time of their own would be stored twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rejected row(s) written to {path}.</source>
        <translation>
            <numerusform>%Ln rejected row written to {path}.</numerusform>
            <numerusform>%Ln rejected rows written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln datapoint(s) marked to send again; {q} not in the table queued for &apos;outbox send&apos;</source>
        <translation>
            <numerusform>%Ln datapoint marked to send again; {q} not in the table queued for &apos;outbox send&apos;</numerusform>
            <numerusform>%Ln datapoints marked to send again; {q} not in the table queued for &apos;outbox send&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove all %Ln datapoint(s) from the table?</source>
        <translation>
            <numerusform>Remove the %Ln datapoint from the table?</numerusform>
            <numerusform>Remove all %Ln datapoints from the table?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message numerus="yes">
        <source>Saved %Ln datapoint(s) to {path}</source>
        <translation>
            <numerusform>Saved %Ln datapoint to {path}</numerusform>
            <numerusform>Saved %Ln datapoints to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message numerus="yes">
        <source>[… %Ln more byte(s) …]</source>
        <translation>
            <numerusform>[… %Ln more byte …]</numerusform>
            <numerusform>[… %Ln more bytes …]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[… %Ln byte(s) not shown: use &apos;Save body to file…&apos; to see the body whole …]</source>
        <translation>
            <numerusform>[… %Ln byte not shown: use &apos;Save body to file…&apos; to see the body whole …]</numerusform>
            <numerusform>[… %Ln bytes not shown: use &apos;Save body to file…&apos; to see the body whole …]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewSendPanel</name>
    <message numerus="yes">
        <source>%Ln datapoint(s) got no clear answer and have no at: sending them again may store them twice. Press Send to choose.</source>
        <translation>
            <numerusform>%Ln datapoint got no clear answer and has no at: sending it again may store it twice. Press Send to choose.</numerusform>
            <numerusform>%Ln datapoints got no clear answer and have no at: sending them again may store them twice. Press Send to choose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send to this target: %Ln datapoint(s) wait for their target, {target}. Each is sent only to its own target: switch the connection to theirs to send them.</source>
        <translation>
            <numerusform>Nothing to send to this target: %Ln datapoint waits for its target, {target}. Each is sent only to its own target: switch the connection to its target to send it.</numerusform>
            <numerusform>Nothing to send to this target: %Ln datapoints wait for their target, {target}. Each is sent only to its own target: switch the connection to theirs to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send to this target: %Ln datapoint(s) wait for {targets} other targets (Target column). Each is sent only to its own target: switch the connection to theirs to send them.</source>
        <translation>
            <numerusform>Nothing to send to this target: %Ln datapoint waits for {targets} other targets (Target column). Each is sent only to its own target: switch the connection to theirs to send them.</numerusform>
            <numerusform>Nothing to send to this target: %Ln datapoints wait for {targets} other targets (Target column). Each is sent only to its own target: switch the connection to theirs to send them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) with an unknown outcome and no at are held back.</source>
        <translation>
            <numerusform>%Ln datapoint with an unknown outcome and no at is held back.</numerusform>
            <numerusform>%Ln datapoints with an unknown outcome and no at are held back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) wait for other targets and are not sent now.</source>
        <translation>
            <numerusform>%Ln datapoint waits for another target and is not sent now.</numerusform>
            <numerusform>%Ln datapoints wait for other targets and are not sent now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message numerus="yes">
        <source>… and %Ln more problem(s)</source>
        <translation>
            <numerusform>… and %Ln more problem</numerusform>
            <numerusform>… and %Ln more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadSettings</name>
    <message numerus="yes">
        <source>%Ln line(s) above the table skipped</source>
        <translation>
            <numerusform>%Ln line above the table skipped</numerusform>
            <numerusform>%Ln lines above the table skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message numerus="yes">
        <source>Computing the requests for %Ln datapoint(s)…</source>
        <translation>
            <numerusform>Computing the requests for %Ln datapoint…</numerusform>
            <numerusform>Computing the requests for %Ln datapoints…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) got no clear answer and have no at: the platform may have stored them, and sending them again may store them twice. Send anyway (may duplicate)?</source>
        <translation>
            <numerusform>%Ln datapoint got no clear answer and has no at: the platform may have stored it, and sending it again may store it twice. Send anyway (may duplicate)?</numerusform>
            <numerusform>%Ln datapoints got no clear answer and have no at: the platform may have stored them, and sending them again may store them twice. Send anyway (may duplicate)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s): {first} Send anyway?</source>
        <translation>
            <numerusform>%Ln warning: {first} Send anyway?</numerusform>
            <numerusform>%Ln warnings: {first} Send anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent: too many to plot.</source>
        <translation>
            <numerusform>%Ln datapoint sent: too many to plot.</numerusform>
            <numerusform>%Ln datapoints sent: too many to plot.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetSwitch</name>
    <message numerus="yes">
        <source>%Ln datapoint(s) not sent yet were made for {old}; the connection now names {new}. They are not sent here unless you move them.</source>
        <translation>
            <numerusform>%Ln datapoint not sent yet was made for {old}; the connection now names {new}. It is not sent here unless you move it.</numerusform>
            <numerusform>%Ln datapoints not sent yet were made for {old}; the connection now names {new}. They are not sent here unless you move them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) wait for {old}.</source>
        <translation>
            <numerusform>%Ln datapoint waits for {old}.</numerusform>
            <numerusform>%Ln datapoints wait for {old}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) moved to {new}.</source>
        <translation>
            <numerusform>%Ln datapoint moved to {new}.</numerusform>
            <numerusform>%Ln datapoints moved to {new}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) discarded.</source>
        <translation>
            <numerusform>%Ln datapoint discarded.</numerusform>
            <numerusform>%Ln datapoints discarded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %Ln datapoint(s) made for {old}? They were never sent, and cannot be restored.</source>
        <translation>
            <numerusform>Discard %Ln datapoint made for {old}? It was never sent, and cannot be restored.</numerusform>
            <numerusform>Discard %Ln datapoints made for {old}? They were never sent, and cannot be restored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %Ln datapoint(s)</source>
        <translation>
            <numerusform>Discard %Ln datapoint</numerusform>
            <numerusform>Discard %Ln datapoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimedSendDialog</name>
    <message numerus="yes">
        <source>The table keeps the datapoints of the last %Ln tick(s); older ones leave it once the platform has stored them (History lists every request).</source>
        <translation>
            <numerusform>The table keeps the datapoints of the last %Ln tick; older ones leave it once the platform has stored them (History lists every request).</numerusform>
            <numerusform>The table keeps the datapoints of the last %Ln ticks; older ones leave it once the platform has stored them (History lists every request).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message numerus="yes">
        <source>Reading %Ln datapoint(s) back from {url}…</source>
        <translation>
            <numerusform>Reading %Ln datapoint back from {url}…</numerusform>
            <numerusform>Reading %Ln datapoints back from {url}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading {stream!r}: %Ln datapoint(s) read back in {requests}</source>
        <translation>
            <numerusform>Reading {stream!r}: %Ln datapoint read back in {requests}</numerusform>
            <numerusform>Reading {stream!r}: %Ln datapoints read back in {requests}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ {missing} missing and {different} different of %Ln checkable datapoint(s).</source>
        <translation>
            <numerusform>✘ {missing} missing and {different} different of %Ln checkable datapoint.</numerusform>
            <numerusform>✘ {missing} missing and {different} different of %Ln checkable datapoints.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ All %Ln checkable datapoint(s) are on the platform as sent.</source>
        <translation>
            <numerusform>✔ The %Ln checkable datapoint is on the platform as sent.</numerusform>
            <numerusform>✔ All %Ln checkable datapoints are on the platform as sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
