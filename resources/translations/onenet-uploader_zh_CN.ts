<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>✔ Stored: errno 0. {n} sent in {k}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>? Request {k} of {n}: no clear answer: {why}. The platform may have stored its {m} datapoints; they are marked &apos;unknown&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending them again is safe: they have an explicit at, which the platform overwrites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They have no at: sending them again may store them twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Request {k} of {n} not delivered: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Request {k} of {n} not stored: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints were stored (marked &apos;sent&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped there: the later requests were not sent, so their datapoints cannot overwrite the earlier ones out of order. Send again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datapoints not stored are kept in the table, marked &apos;not sent&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another send from this outbox is running (perhaps &apos;onenet-uploader outbox send&apos;, or a cancelled send finishing its last request). Nothing was sent; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not stored: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox database {path} was damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was moved aside to {damaged}: keep it, a backup tool or a support request may save more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved into a new outbox: {saved}; history: {requests} requests, {attempts} attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be read: {gaps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the table and the history, then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox database {path} held datapoints before and is now empty or gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox database {path} cannot be written (disk full, read-only, or a disk error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox database {path} cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window closes and leaves the file as it is: free space, fix permissions or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox was damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent in {requests}</source>
        <extracomment>Cancel: an Event that gets set, or a callable that returns True once cancelled. HTTP statuses that say the request was not processed: 503 (Service Unavailable: refused before it was handled, what an overloaded platform or a gateway with no upstream says) and 429 (Too Many Requests). Every other 5xx may come after the platform stored the datapoints: a gateway&apos;s 502/504 after forwarding, the platform&apos;s 500 midway.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without at ({shown}) would be overwritten by a later one without at; only the last ({kept}, #{last}) is kept</source>
        <extracomment>Stream id characters accepted without comment: letters (any script: the official SDK used Chinese ids), digits, `_ - .` (`pm2.5` is the docs&apos; own). Before this, an `at` is most likely a wrong format or zone. Each rule&apos;s name as shown, and its reason (shared onenet-api.md, cited per rule in `validate`): English sources of the &quot;validation&quot; context of the catalogues. How many datapoint numbers a message about many datapoints lists before &quot;…&quot;.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) share an at with a later one ({shown}); the first: at {at}, where only the last ({kept}, #{last}) is kept</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AtEdit</name>
    <message>
        <source>Pick the date on a calendar (the time of day stays)</source>
        <extracomment>How the field shows a time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare with the editor&apos;s request</source>
        <extracomment>HtmlDiff&apos;s &quot;next change&quot; links column, which leads nowhere in a QTextBrowser. Datapoints named one by one in the verdict when the two bodies differ; the rest are counted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request line and headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datapoints (stream, at in UTC+8, value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 4093215</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-key of the device or product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the api-key here and in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the local sandbox (no account needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Plain http sends the api-key in clear text. Use https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-&amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot build the request: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on {host}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: a local test server on this computer; nothing leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The api-key is saved in the system keyring when you send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring ({why}): the api-key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatapointEditor</name>
    <message>
        <source>Datapoints</source>
        <extracomment>Issues listed under the table at most (a million-row upload may have a million).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datastream id, e.g. temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>84, 23.001, text or {&quot;x&quot;: 1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No at (platform stamps it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Now&apos; stamps the reading when you add it, so sending it twice stores it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are typed and shown in this zone; they are sent in UTC+8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Without at the platform stamps it on arrival: if a send gets no clear answer, sending it again may store it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add datapoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data&amp;stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did you mean {number}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why}: it would be sent as text; choose &apos;JSON object&apos; to insist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number takes a decimal point, not a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number is typed without thousands separators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number takes a decimal point and no thousands separators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{extra}&apos; after the number makes it text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{extra}&apos; before the number makes it text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number&apos;s minus sign is &apos;-&apos;, not &apos;−&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as text — did you mean {number}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a datastream id first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value cannot be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The at cannot be read: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datapoint could not be saved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not removed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}, {column}: not changed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (row {row})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more issues ({errors} errors in all).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatapointsModel</name>
    <message>
        <source>Shown and typed in {zone}; sent in platform time (UTC+8)</source>
        <extracomment>The editor&apos;s status of each outbox state (draft and queued rows are both &quot;not sent&quot;). Rows added or replaced (in any number of steps) after which they are declared long-lived data (`settle`). Custom role: the Row dataclass of an index&apos;s row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datastream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as text — did you mean {number}? Edit the value to send a number, or set the kind to text to keep it as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read automatically from the value; edit to force number, text or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request carrying it got no clear answer: it may be stored. It has no at, so sending it again may store it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request carrying it got no clear answer: it may be stored. Sending it again is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No at: the platform stamps this datapoint when it arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as {at} (platform time, UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(platform time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown, safe to resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown, may duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangesModel</name>
    <message>
        <source>#</source>
        <extracomment>The Exchange of a row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule broken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time ({zone})</source>
        <extracomment>Rows read from the store per `fetchMore`. Columns: what happened when, first (the outcome must show in a narrow tab), then where and the details. Custom role: the `HistorySummary` of an index&apos;s row.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Any outcome</source>
        <extracomment>Outbox ids of the selected entries&apos; rows, to be sent again. (endpoint, device id, Readings) of the selected requests that were stored (see verify_selected) After every export (written, cancelled or failed): True when the file was written.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search error, endpoint, device, body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (#4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent (#4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request to see exactly what was sent and what came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected requests&apos; datapoints to be sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the selected requests&apos; datapoints back from the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend anyway (may &amp;duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the entries matching the filter to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests and sent datapoints older than this are forgotten when the program starts. Datapoints not sent yet, failed or unknown are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep histor&amp;y for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 request matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} requests match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {shown} loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datapoint to resend has no at and the platform may hold it already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} datapoints to resend have no at and the platform may hold them already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of the {total} datapoints to resend has no at and the platform may hold it already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of the {total} datapoints to resend have no at and the platform may hold them already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It stamps each datapoint without at with its arrival time, so resending stores a second copy instead of overwriting the first. Resend anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the selected requests was stored (errno 0): nothing to verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select requests of one endpoint and device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored body cannot be read back: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {n} entries to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not exported: {path} could not be written: {why}. Nothing was written there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not exported: the history could not be read: {why}. Nothing was written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ 1 entry exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ {n} entries exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import readings…</source>
        <extracomment>(endpoint, device id) a send would go to now: a second import of a file queued there asks first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import readings from a CSV, Excel or JSON file (Ctrl+O); you can also drop a file on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings ({patterns});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints imported from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import readings — {name}</source>
        <extracomment>The question when rows of this file already wait or were sent (shown window-modal, not blocking).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {size} · {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma  ,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon  ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical bar  |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide: a column per datastream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long: stream, time, value per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first: 04/11/2026 is 4 November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first: 04/11/2026 is April 11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone the file&apos;s clock times were written in; they are sent in platform time, UTC+8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp them with the import time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send without at (the platform stamps them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point: 2.6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma: 2,6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line of the file that holds the column names (lines above it are skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic, or e.g. %d.%m.%Y %H:%M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the time column is written, as a strftime pattern (%Y year, %m month, %d day, %H hour, %M minute, %S second, %b month name). It overrides what was detected; cells that do not match are listed and their rows are not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. NA, -200, --</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell texts that mean &apos;no reading&apos;, separated by commas. Such cells are skipped, never sent; empty cells always are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/&amp;month order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal mar&amp;k:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows without a &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing-value ma&amp;rkers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header &amp;row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp every row with the import time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the rows at the moment of importing: only right for readings taken just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datastream id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows, as they will be sent (times in platform time, UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading (or importing, or saving) the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the rows that cannot be imported, with the reason, to a CSV file to fix and import later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a time zone: type a name like Asia/Shanghai or an offset like UTC+8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{pattern}” is not a time format: use % codes such as %d.%m.%Y %H:%M.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Change a setting to read the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported, the outbox cannot be written: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: {found}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>long (stream, time, value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stamp the import time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send without at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the data: {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sheet: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a OneNET type {n} body: times are platform time (UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times from {names} ({formats}, e.g. {example}) in {zone}{how}, sent in UTC+8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zone each time gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} line(s) above the table skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like {examples} can be read two ways and no day above 12 tells which. Choose the day/month order above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from the header {header})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (not stated in the file: the zone chosen above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not say which time zone its times are in: this computer&apos;s zone, {zone}, is used. Importing confirms it; choose the zone they were written in if it is another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time column&apos;s header says {text}, which can mean {choices}. Choose the zone above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column was understood as a time, so nothing is imported. Choose the time column (Use as: Time) below and, if it is written another way, type its Time format above — or stamp every row with the import time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook, sheet “{sheet}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET type 5 text ({encoding})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON ({encoding})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text table ({encoding})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day/month or month/day?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year-month-day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix microseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unix nanoseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYYMMDD[HH[MM[SS]]] digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dates with month names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>periods, read as their start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intervals, read as their start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the format typed above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>year, month, day… columns combined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spreadsheet dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (date and time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the time (year, month, day, hour…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datastream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform may reject characters of this id; suggested: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to change the datastream id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: {fmt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number, JSON or text per cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} missing (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the platform may reject this id; suggested: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id shortened: the platform may reject “{chars}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id shortened: the platform may reject spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: {rows} not imported, {warnings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole row is not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time column&apos;s header says {text}: choose the zone the times were written in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the day/month order to read the times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time column: choose one, type the time format, or stamp the rows with the import time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to import: {rows} read, {rejected} not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} from {rows} into {streams} ({per}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cannot be read and are not imported (see Problems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That many datapoints make the editor slow; `onenet-uploader send` uploads files this size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import {n} datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {n} datapoints to the editor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total} datapoints of this file already wait to be sent or were sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of the {total} datapoints in {name} were imported before and already wait to be sent or were sent to this device. Import them again? Datapoints without a time of their own would be stored twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: the datapoints of this file are already queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the rejected rows to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rejected rows written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ The rejected rows could not be written: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>The editor has no request to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted (errno 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with the editor&apos;s request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every captured request as JSON lines (api-keys masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{requests}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a captured request to compare it with the editor&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected request and the editor&apos;s side by side: headers, bodies, datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied; put the api-key back in before running it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured request #{number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor&apos;s request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export captured requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{requests} saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneNET Datapoint Uploader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove selected datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all datapoints &amp;unsent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear all datapoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder of the log file (requests, outcomes, errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify on platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sent datapoints back from the platform and compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send on a &amp;timer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected streams every N seconds, as a device would (through the outbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor has no request to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} imported from the sandbox&apos;s request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints marked to send again; {q} not in the table queued for &apos;outbox send&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all {n} datapoints from the table?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not cleared: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to verify: no datapoint in the table is marked sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the platform: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About OneNET Datapoint Uploader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OneNET Datapoint Uploader {version}
Uploads datapoints to OneNET&apos;s HTTP API.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>&amp;Fit all</source>
        <extracomment>Fitting the view never shows less time than this (seconds): one datapoint, or points within a second, get ten minutes around them, so the axis reads hours and minutes, not &quot;54.600 … 55.099&quot;. The axis label names the date(s) in view while the view spans at most this many seconds (finer than days, the ticks show clock times only). Symbols are drawn for a curve while at most this many of its points are in view, and while they are on average at least SYMBOL_SPACING_PX pixels apart. Peak downsampling keeps about this many min/max groups per pixel of plot width. Milliseconds to gather editor changes into one redraw. How close (pixels) the crosshair must come to a datapoint to name it. The legend&apos;s curve (sent points) of every series, by series name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every datapoint and follow new ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in on time (or turn the mouse wheel over the plot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid lines (with a million points, panning is faster without them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide series (or click a legend entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View as &amp;PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plotted data as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform time (UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zone of the time axis, the crosshair and exported times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Times in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#444&apos;&gt;━●&lt;/span&gt; sent &amp;nbsp; &lt;span style=&apos;color:#444&apos;&gt;╌○&lt;/span&gt; not sent &amp;nbsp; &lt;span style=&apos;color:{red}&apos;&gt;✕&lt;/span&gt; failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datapoints without at are drawn at the time they were sent; unsent ones have no time yet. Of sent datapoints of one datastream at the same at, only the last is shown: the platform keeps only it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric values of the datapoints appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plotted: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overwritten by a later sent datapoint at the same at: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent and without at (no time yet): {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text values (not plotted): {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} ({zone}) · {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  —  {series} = {value} at {time} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plot as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the plotted data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} datapoints to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row number in the file</source>
        <extracomment>Problems listed in the dialog; the count says how many more there are. Above this many datapoints the dialog says the editor may get slow.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ at (UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(time of day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ datastream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the file: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty in the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Large uploads are split into several requests, sent in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request (exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body (pretty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A curl command for sh/bash/zsh sending exactly these bytes; the api-key as $ONENET_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save body to &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[… {n} bytes not shown: use &apos;Save body to file…&apos; to see the body whole …]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This body is {size}: only its first and last {edge} are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body: {size} bytes · {streams} datastream(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This body is {size}: too large to pretty-print here. Save it to a file to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save body to file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body (*.{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewSendPanel</name>
    <message>
        <source>Preview: what will be sent</source>
        <extracomment>Datapoints the preview&apos;s note on the zone of `at` looks through for an example `at`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a&amp;nyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints got no clear answer and have no at: sending them again may store them twice. Press Send to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send: every datapoint in the table is sent (or being sent). Add datapoints, or mark them unsent (Edit menu) to send them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to send: add datapoints first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {type} cannot be sent: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{points} in {streams} · {size} in {n} · type {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints with an unknown outcome and no at are held back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at in the body is platform time (UTC+8), as the table shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at in the body is platform time (UTC+8): {shown} in {zone} is sent as {sent}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Request {k} of {n} · {points} · {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · over the limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestOptionsBar</name>
    <message>
        <source>Type 1 · full JSON</source>
        <extracomment>Bodies larger than this are shown as their start and end only (the rest: &quot;Save body to file…&quot;). How much of the start and of the end of a large body is shown. Bodies larger than this are not pretty-printed in the window.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type 3 · {stream: value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type 4 · {stream: {at: value}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type 5 · text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type 5 separators: two different characters, sub-field first, field second (e.g. ,;). Empty: chosen automatically so that no id or value contains them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;parators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datapoints per request at most; larger uploads are split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body size per request at most. OneNET documents no limit; related endpoints cap bodies at 64 KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per request at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot carry these datapoints: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can carry every datapoint as it is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResponsePanel</name>
    <message>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errno:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw response:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify on platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The datapoints not stored are kept in the table, marked &apos;failed&apos; or &apos;not sent&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ms:.0f} ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxTab</name>
    <message>
        <source>The window is not using the local sandbox. Check “Use the local sandbox” under Connection to start it: every request it receives (from this window, curl or a device) shows here with its bytes and a verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only ({host})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every address of this computer ({host})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the sandbox listens; a device on the bench needs an address of this computer on its network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It expects device {device} with api-key {key}; a device posts to {url}/devices/{device}/datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Listening on {host}: anyone on that network can send to this sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>Computing the requests for {n} datapoints…</source>
        <extracomment>Up to this many table rows the preview is computed at once on the GUI thread (a few tens of ms); above, on a worker, while the preview says &quot;computing…&quot;. Datapoints added to the plot after a send at most (the plot sorts every series in Python). Datapoints of a send the plot is redrawn for at once even while hidden (a bigger send: when it is shown). The interpreter&apos;s GIL switch interval (s) while a plan runs on a worker (Python&apos;s default: 0.005). Seconds between two progress reports of a send to the GUI thread, at least (a failure is told at once).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be computed: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the requests; they are sent as soon as they are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints got no clear answer and have no at: the platform may have stored them, and sending them again may store them twice. Send anyway (may duplicate)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send anyway (may &amp;duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the errors listed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} warning(s): {first} Send anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a&amp;nyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {n} in {k} to {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The request in flight may still reach the platform; requests not yet stored keep their datapoints &apos;not sent&apos; so you can send them again (datapoints with an explicit at are stored once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request {k}: {why}; trying again in {s:.1f} s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request {k} of {n} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} datapoints sent: too many to plot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History: {n} older than {days} days forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old history could not be forgotten: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimedSendDialog</name>
    <message>
        <source>Send on a timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One stream a line, STREAM=VALUES: 21.5 (fixed), list:20,21,22 (in turn), walk:20..25 (random walk within the bounds, step /0.5), sine:20..25/60s, ramp:0..100/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at = the moment of sending (else the platform stamps them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks: {n} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next send at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyModel</name>
    <message>
        <source>Datastream</source>
        <extracomment>Custom roles: the Check of a row, and its Outcome.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no at)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>&amp;Verify on platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sent datapoints back from the platform and compare them with what was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &amp;missing and different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send datapoints, then verify that the platform stored them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {n} datapoints back from {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {stream!r}: {n} datapoints read back in {requests} requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ {missing} missing and {different} different of {n} checkable datapoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ All {n} checkable datapoints are on the platform as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing could be checked: no sent datapoint has an at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found {found} · missing {missing} · different {different} · overwritten {overwritten} (a later one had the same at) · unverifiable {unverifiable} (sent without at) — {read} datapoints read back in {requests} requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Could not read the platform back: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>The languages the product speaks: code -&gt; its name in itself (the Language menu). File names: resources/translations/onenet-uploader_&lt;code&gt;.ts argparse&apos;s own words (Python 3.11&apos;s argparse asks `gettext` for them), in the catalogue&apos;s &quot;argparse&quot; context.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Upload datapoints to China Mobile&apos;s OneNET IoT platform by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of the window and the messages: en or zh_CN (default: LC_ALL, LANG, the system&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the window on an embedded local sandbox with a demo device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build the window offscreen, send the seed example to an embedded sandbox, check it arrived, exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The api-key is read from the environment variable ONENET_API_KEY, never from the command line.
Defaults are the import dialog&apos;s: the columns detection proposes (row indexes, labels and
event markers are left out, with the reason), suggested datastream ids, detected encoding,
delimiter, header row, layout, time column and time format. The zone of the times is
the file&apos;s: an offset or Z/UTC in each time, Unix times (UTC), or a zone in the time
column&apos;s header. Times whose zone the file does not state are refused (exit 2) unless
--source-tz names the zone they were written in (--source-tz local: this computer&apos;s);
it is never assumed. A file in which no time column is understood is refused (exit 3)
unless --time-column/--time-format name it or --missing-time says what rows without a
time get. Missing-value markers that start with &apos;-&apos; are given as --na=--- or --na ---.

exit status:
  0  everything sent (or, with --dry-run, every request printed) and nothing rejected
  1  a request failed (errno not 0, HTTP or network error), a datapoint is invalid, or
     validation warned (e.g. two datapoints of a stream with the same at: the platform keeps
     one) and --send-anyway was not given
  2  bad arguments, no ONENET_API_KEY, a file that cannot be read, or a question to answer
     (--date-order for dates like 04/11/2026; --source-tz for times whose zone the file
     does not state, or for a header that says CST)
  2  also: this file was queued to this device before (its datapoints wait in the outbox or
     were sent): nothing queued again; --again queues them anew
  3  some rows cannot be read: they are listed and nothing is sent; --skip-rejected sends
     the other rows (exit 0 if they are stored); or no time column was understood and
     --missing-time was not given: nothing is sent
  4  the outbox database cannot be used as it is: damaged (moved aside, what was readable
     saved into a new one), gone or emptied since it held data, disk full or read-only
</source>
        <extracomment>The api-key is read from this environment variable only, never from the command line (a command line is visible to other users and kept in shell history). Shown in --dry-run output instead of the api-key. The device id a dry run shows when --device is not given. Problems printed before &quot;… and N more&quot;. The outbox database cannot be used as it is (every command): damaged (moved aside and salvaged), gone or emptied since it held data, disk full, read-only. The message says which.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a local OneNET-compatible server in the foreground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a local OneNET-compatible server (on 127.0.0.1 unless --host says otherwise), logging each request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload the readings of a CSV, XLSX or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file of readings (CSV/TSV/TXT, XLSX, JSON, type 5 text) the way the window&apos;s File &gt; Import does, and upload its datapoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the outbox: datapoints not sent yet, or `outbox send` them</source>
        <extracomment>`outbox send` takes the api-key from API_KEY_ENV when set, else the OS keyring.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the outbox kept in the data directory (counts by state, then the rows). The data directory can be moved with $ONENET_UPLOADER_DATA_DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list rows in this state (repeatable; default: every state but sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list at most N rows (0: all; default 50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the unsent and unknown datapoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the outbox&apos;s unsent and unknown datapoints, in requests of at most --batch datapoints and --max-bytes body bytes, split as the window and `send` split them (a datastream&apos;s datapoints without `at` stay in one request), retrying connection errors, timeouts, HTTP 5xx and 429. The api-key comes from $ONENET_API_KEY or, if unset, from the system keyring (saved there by the window). Ctrl+C stops after the request on the wire; what is not sent stays in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 all sent; 1 some not sent (see the output and the log); 2 usage; 3 another send from this outbox is running; 4 the outbox database is damaged (salvaged), gone, full or read-only; 130 interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only datapoints queued for this endpoint (they are never re-addressed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only datapoints queued for this device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datapoints per request at most (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body bytes per request at most (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds per attempt: connect, send and the whole answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempts per request (default 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also resend unknown datapoints without an explicit `at` (the platform may store them twice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also send the datapoints the platform refused before (after fixing the cause: the key, the device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log request bodies too (the api-key never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read sent datapoints back from the platform and compare: a file, a request body or the last upload</source>
        <extracomment>`verify` exits 1 when something is missing or different, 3 when the platform could not be read.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 every checkable datapoint found; 1 something missing or different (with --strict also: something unverifiable); 2 bad arguments, file, body or api-key, a question to answer (--source-tz for times whose zone FILE does not state, --date-order), or nothing to verify; 3 the platform could not be read; 4 the outbox database is damaged (salvaged), gone, full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file of readings (CSV/TSV/TXT, XLSX, JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a request body as it was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last upload (one Send or `outbox send`) from the outbox&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with --body: the body&apos;s format, the ?type= of the upload (default 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device id (required unless --last; with --last: narrows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API endpoint (default https://api.heclouds.com; with --last: from the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit 1 also when a datapoint cannot be verified (sent without at)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list every datapoint, not only problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device id (required unless --dry-run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %(default)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows without a time: now (stamp the import time), platform (send without at), refuse; default: a file with no time column is refused (exit 3), empty time cells are stamped now (OneNET bodies: platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the requests instead of sending them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send although validation warned (a duplicate at, a time far off, a large value), as the window&apos;s Send anyway does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the other rows when some cannot be read (exit 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue the file&apos;s datapoints although this file was queued to this device before (they wait in the outbox or were sent): without `at` the platform stores them twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body format (default 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the zone the file&apos;s times were written in: an IANA name (Europe/Berlin), UTC+8, or local for this computer&apos;s; needed when the file does not state it (a zone in the times or the time column&apos;s header is used otherwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cell text meaning &apos;no reading&apos; (repeatable), e.g. --na NA --na -200 --na ---; empty cells always are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file&apos;s encoding, e.g. gb18030, utf-8, cp1252 (default: detect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cell delimiter: , ; tab | (default: detect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the XLSX sheet (default: the first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for dates like 04/11/2026: dmy = 4 November, mdy = April 11 (default: from the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the decimal mark, . or , (default: detect per column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header is line N of the file (default: detect; 0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the time column is written, as a strftime pattern, e.g. &apos;%%d.%%m.%%Y %%H:%%M&apos; (overrides detection; cells that do not match are rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time column, by name or 1-based number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import only these columns (names or 1-based numbers, comma-separated; repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not import these columns (names or 1-based numbers, comma-separated; repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send column OLD (name, number or suggested id; long layout: a datastream id in the file) as datastream NEW (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
values of a stream (STREAM=SPEC, --stream once per stream):
  temp=21.5              the same value every tick (fixed:21.5 too; text is allowed)
  mode=list:eco,boost    the values in turn
  temp=walk:20..25       a random walk within the bounds (walk:20..25/0.5: steps of at most 0.5)
  temp=sine:20..25/60s   a sine between the bounds, period 60 s (default)
  n=ramp:0..100/5        from 0 up by 5 each tick, back to 0 after 100

The api-key is read from $ONENET_API_KEY only. Every datapoint carries `at` = the
moment of its tick (--no-at: the platform stamps it). Ctrl+C stops; what was not
sent waits in the outbox (`onenet-uploader outbox send`).

exit status: 0 all sent; 2 bad arguments; 4 some datapoints still wait in the outbox
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send generated datapoints every N seconds, as a device would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate a device: generate values per datastream and send them on a schedule, through the outbox (nothing is lost when offline).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time between ticks: 1s, 500ms, 2m (default 1s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of ticks (default: until Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform URL (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send no `at`: the platform stamps each datapoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait for each answer (default 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed of the random walks (repeatable runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The key is read from the environment variable ONENET_KEY, never from the command line:
the device&apos;s key (设备密钥) with --device, else the product&apos;s access key (access_key),
as the OneNET console shows it (base64 text).

--expires TIME: a duration from now (90s, 30m, 12h, 365d, 5y), a date or time in this
computer&apos;s zone (2027-06-30, 2027-06-30 18:00; an offset such as +08:00 is used as given),
or Unix seconds (1893456000). Default 1h. The platform refuses a token whose
expiry has passed: a token pasted into firmware must outlive the firmware&apos;s use of it.

exit status: 0 the token printed; 2 bad arguments, no ONENET_KEY, a key that is not
base64, an expiry that is not in the future
</source>
        <extracomment>The key is read from this environment variable only. `--expires` when not given: short, as a token should live.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a token of the current (thing model) platform for a product or device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the signed token the current OneNET platform takes (token.exe&apos;s job), for a product or one of its devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the product id (e.g. DuE2rcXUKn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device name: the token is the device&apos;s (the key is its device key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature method (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when it expires (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address to listen on (default 127.0.0.1, this computer only; 0.0.0.0: every network of this computer, so that a device on the bench can reach it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (default: a free port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device id to accept (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api-key of that device (default %(default)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait before answering each upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer every Nth upload with HTTP 500 and store nothing (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print each request whole on stderr: its bytes (api-key masked), the answer and the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>append each request, answer and verdict to FILE as one line of JSON (api-key masked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a local OneNET-compatible server to try uploads without an account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pipeline</name>
    <message>
        <source>{text}, {count} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, {count} unknown (may have arrived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, {count} not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, {count} skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}, cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>{where}: {what} — {title}: {reason}</source>
        <extracomment>The data types of the platform&apos;s thing model (shared onenet-api.md, &quot;The current platform&quot;). A string property&apos;s length when its specs give none [L]: the console&apos;s largest (bytes of UTF-8). Each thing-model rule: its name as shown, and its reason (shared onenet-api.md, &quot;The current platform&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
