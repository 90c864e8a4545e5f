<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent in {requests}</source>
        <extracomment>`message` as a Message for a person (rendered in their language); None: no message.</extracomment>
        <translation>
            <numerusform>已发送 %Ln 个数据点，共 {requests}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>gave up after %Ln attempt(s)</source>
        <extracomment>Cancel: an Event that gets set, or a callable that returns True once cancelled.</extracomment>
        <translation>
            <numerusform>尝试 %Ln 次后放弃</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s)</source>
        <translation>
            <numerusform>%Ln 个数据点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datastream(s)</source>
        <translation>
            <numerusform>%Ln 个数据流</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tick(s)</source>
        <translation>
            <numerusform>%Ln 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln 个请求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) made for the window&apos;s local sandbox were left alone: only the window runs it (they never go to another endpoint unless you move them there in the window).</source>
        <translation>
            <numerusform>为窗口本地沙盒创建的 %Ln 个数据点未作处理：只有窗口会运行沙盒（除非在窗口中改发，否则它们绝不会发往其他接入地址）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s){narrowed} were refused by the platform (failed): fix the cause (see `onenet-uploader outbox --state failed` and the log), then send them with --retry-failed.</source>
        <translation>
            <numerusform>%Ln 个数据点{narrowed}被平台拒绝（failed）：请修正原因（见 `onenet-uploader outbox --state failed` 和日志），然后用 --retry-failed 发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without `at` went in requests of their own: their datastreams had several queued, and of one request the platform keeps only the last. Each is stamped with the time it arrived.</source>
        <translation>
            <numerusform>%Ln 个没有 `at` 的数据点各自单独发送：它们的数据流排队了多个没有 `at` 的数据点，而同一请求中平台只保留最后一个。每个数据点的时间是它到达平台的时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) refused by the platform earlier were not retried (--retry-failed does).</source>
        <translation>
            <numerusform>之前被平台拒绝的 %Ln 个数据点没有重试（使用 --retry-failed 可重试）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without an explicit `at` were held back: an earlier request that carried them may have stored them (outcome unknown), and the platform would store them again. Check the platform, then use --allow-duplicates to send them anyway.</source>
        <translation>
            <numerusform>%Ln 个没有明确 `at` 的数据点暂不发送：之前携带它们的请求可能已将其存储（结果未知），再发送平台会再存一次。请先在平台上确认，然后用 --allow-duplicates 强制发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>stopped: %Ln later request(s) not sent; they wait in the outbox</source>
        <translation>
            <numerusform>已停止：后面的 %Ln 个请求未发送；它们在发件箱中等待</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) without at ({shown}) are followed by another without at in the stream</source>
        <extracomment>How many datapoint numbers a message about many datapoints lists before &quot;…&quot;.</extracomment>
        <translation>
            <numerusform>%Ln 个没有 at 的数据点（{shown}）之后，同一数据流中还有没有 at 的数据点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) ({shown}) are overwritten by a later one with the same at; at {at}, the first such, only #{last} ({kept}) is kept</source>
        <translation>
            <numerusform>%Ln 个数据点（{shown}）被其后 at 相同的数据点覆盖；以其中第一个重复的 at {at} 为例，只保留 #{last}（{kept}）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) above the table were skipped (they do not have its columns).</source>
        <translation>
            <numerusform>跳过了表格上方的 %Ln 行（它们与表格的列不对应）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with fewer cells than the header: the cells missing at their end are read as empty</source>
        <translation>
            <numerusform>%Ln 行的单元格少于表头：行末缺少的单元格按空读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no header and empty in the first %Ln row(s)</source>
        <translation>
            <numerusform>没有表头，且前 %Ln 行为空</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no header and no readings in the first %Ln row(s), only {text}</source>
        <translation>
            <numerusform>没有表头，前 %Ln 行也没有读数，只有 {text}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>only {text} (no reading) in the first %Ln row(s)</source>
        <translation>
            <numerusform>前 %Ln 行只有 {text}（无读数）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>empty in the first %Ln row(s)</source>
        <translation>
            <numerusform>前 %Ln 行为空</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>skipped %Ln line(s) above the header</source>
        <translation>
            <numerusform>跳过了表头上方的 %Ln 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %Ln more problem(s)</source>
        <translation>
            <numerusform>  ……另有 %Ln 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) were stored (marked &apos;sent&apos;).</source>
        <translation>
            <numerusform>%Ln 个数据点已存储（标为“已发送”）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>sub-field separator {sub}, field separator {sep}; %Ln field(s):</source>
        <extracomment>Bodies larger than this are shown as their start and end only (the rest: &quot;Save body to file…&quot;). How much of the start and of the end of a large body is shown. Bodies larger than this are not pretty-printed in the window.</extracomment>
        <translation>
            <numerusform>子字段分隔符 {sub}，字段分隔符 {sep}；共 %Ln 个字段：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) of empty lines came before the request line (CRLFs after an earlier body?); skipped, as RFC 9112 2.2 allows</source>
        <translation>
            <numerusform>请求行之前有 %Ln 字节的空行（是上一个请求体后多余的 CRLF 吗？）；已跳过，RFC 9112 2.2 允许这样做</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) of CR/LF came after the body; ignored, as the platform does</source>
        <translation>
            <numerusform>请求体后有 %Ln 字节的 CR/LF；已忽略，与平台的做法相同</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Content-Length {length} but %Ln more byte(s) came right after the body; they were not read</source>
        <extracomment>The sandbox&apos;s own cap on one request body. The platform documents no limit (related endpoints cap at 64 KB-800 KB, shared onenet-api.md, &quot;Limits&quot;); this only keeps a runaway client from filling memory. The cap on a request line and its headers together (HTTP 431 beyond).</extracomment>
        <translation>
            <numerusform>Content-Length 为 {length}，但请求体之后紧接着多了 %Ln 字节；未读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more byte(s) came right after the body; they were not read</source>
        <translation>
            <numerusform>请求体之后紧接着多了 %Ln 字节；未读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Content-Length {length} but %Ln more byte(s) came right after the body; read as a next request</source>
        <translation>
            <numerusform>Content-Length 为 {length}，但请求体之后紧接着多了 %Ln 字节；已当作下一个请求读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more byte(s) came right after the body; read as a next request</source>
        <translation>
            <numerusform>请求体之后紧接着多了 %Ln 字节；已当作下一个请求读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>column {column}: {kind}, decided on all its rows: row {row} holds {value}, which the first %Ln row(s) read did not show</source>
        <translation>
            <numerusform>列 {column}：{kind}，根据该列所有行判定：第 {row} 行是 {value}，这是先读取的前 %Ln 行中没有的</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln time(s) far from the rest of the column ({low} to {high} for most rows): row(s) {rows}. A typing error, or another format?</source>
        <extracomment>delimited rows read with empty cells added at their end (`process`) JSON sources: values keep their JSON type (&quot;20.9&quot; stays text); no text is parsed. Warn per row about a missing time (not for OneNET bodies, where no `at` means &quot;server time&quot;). InfluxDB annotated CSV: the header, repeated above each table (those rows and `#` lines are skipped). Long layout: datastream ids renamed ({id in the file: id sent}). What every row shows of the value columns whose kind the first rows gave (`kinds.revise`). Long layout, a value column of no chosen kind: what every row shows of each datastream&apos;s values. Times of day without a date column: the current row&apos;s day, the previous time of day, the chunk&apos;s new days.</extracomment>
        <translation>
            <numerusform>%Ln 个时间与该列其余时间相差很远（大多数行在 {low} 到 {high} 之间）：第 {rows} 行。是输入错误，还是另一种格式？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln time(s) in the future: row(s) {rows}. Is the time zone or the format right?</source>
        <translation>
            <numerusform>%Ln 个时间在将来：第 {rows} 行。时区或格式是否正确？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) could not be read.</source>
        <translation>
            <numerusform>%Ln 个数据点无法读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln datapoint(s) could not be read.</source>
        <translation>
            <numerusform>至少 %Ln 个数据点无法读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln history entry(ies) could not be read.</source>
        <translation>
            <numerusform>%Ln 条历史记录无法读取。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %Ln history entry(ies) could not be read.</source>
        <translation>
            <numerusform>至少 %Ln 条历史记录无法读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AtEdit</name>
    <message>
        <source>Pick the date on a calendar (the time of day stays)</source>
        <translation>在日历上选择日期（时刻不变）</translation>
    </message>
</context>
<context>
    <name>ColumnsTable</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>用作</translation>
    </message>
    <message>
        <source>Datastream id</source>
        <translation>数据流 ID</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>which order?</source>
        <translation>哪种顺序？</translation>
    </message>
    <message>
        <source>year-month-day</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <source>yy-mm-dd (two-digit year first)</source>
        <translation>yy-mm-dd（两位年份在前）</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Excel days</source>
        <translation>Excel 日期序号</translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation>Unix 秒</translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation>Unix 毫秒</translation>
    </message>
    <message>
        <source>Unix microseconds</source>
        <translation>Unix 微秒</translation>
    </message>
    <message>
        <source>Unix nanoseconds</source>
        <translation>Unix 纳秒</translation>
    </message>
    <message>
        <source>YYYYMMDD[HH[MM[SS]]] digits</source>
        <translation>YYYYMMDD[HH[MM[SS]]] 数字</translation>
    </message>
    <message>
        <source>dates with month names</source>
        <translation>带月份名称的日期</translation>
    </message>
    <message>
        <source>periods, read as their start</source>
        <translation>时段，取其开始时间</translation>
    </message>
    <message>
        <source>intervals, read as their start</source>
        <translation>区间，取其开始时间</translation>
    </message>
    <message>
        <source>the format typed above</source>
        <translation>上方输入的格式</translation>
    </message>
    <message>
        <source>year, month, day… columns combined</source>
        <translation>年、月、日……各列合并</translation>
    </message>
    <message>
        <source>spreadsheet dates</source>
        <translation>电子表格日期</translation>
    </message>
    <message>
        <source>Time (date and time)</source>
        <translation>时间（日期和时刻）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Part of the time (year, month, day, hour…)</source>
        <translation>时间的一部分（年、月、日、时……）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Datastream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>Import this column</source>
        <translation>导入此列</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>The platform may reject characters of this id; suggested: {id}</source>
        <translation>平台可能不接受此 ID 中的某些字符；建议：{id}</translation>
    </message>
    <message>
        <source>Double-click to change the datastream id</source>
        <translation>双击修改数据流 ID</translation>
    </message>
    <message>
        <source>Automatic: {fmt}</source>
        <translation>自动：{fmt}</translation>
    </message>
    <message>
        <source>number, JSON or text per cell</source>
        <translation>逐个单元格识别为数值、JSON 或文本</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>Automatic: {kind}</source>
        <translation>自动：{kind}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln 个值</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} missing (skipped)</source>
        <translation>{n} 个缺失（已跳过）</translation>
    </message>
    <message>
        <source>{n} cannot be read</source>
        <translation>{n} 个无法识别</translation>
    </message>
    <message>
        <source>decimal comma</source>
        <translation>逗号作小数点</translation>
    </message>
    <message>
        <source>the platform may reject this id; suggested: {id}</source>
        <translation>平台可能不接受此 ID；建议：{id}</translation>
    </message>
    <message>
        <source>id shortened: the platform may reject “{chars}”</source>
        <translation>ID 已缩短：平台可能不接受“{chars}”</translation>
    </message>
    <message>
        <source> and spaces</source>
        <translation>和空格</translation>
    </message>
    <message>
        <source>id shortened: the platform may reject spaces</source>
        <translation>ID 已缩短：平台可能不接受空格</translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation>单位 {unit}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>type {type!r} is not a body type</source>
        <extracomment>HtmlDiff&apos;s &quot;next change&quot; links column, which leads nowhere in a QTextBrowser. Datapoints named one by one in the verdict when the two bodies differ; the rest are counted. The diff&apos;s style sheet; its colours are named colours of gui.ui.colours (filled in by `_show_diff`).</extracomment>
        <translation>{type!r} 不是请求体格式（type）</translation>
    </message>
    <message>
        <source>its type {type} body does not decode: {why}</source>
        <translation>其 type {type} 请求体无法解析：{why}</translation>
    </message>
    <message>
        <source>(no at)</source>
        <translation>（不带 at）</translation>
    </message>
    <message>
        <source>The device&apos;s body cannot be compared: {why}.</source>
        <translation>设备的请求体无法比对：{why}。</translation>
    </message>
    <message>
        <source>The editor&apos;s body cannot be compared: {why}.</source>
        <translation>编辑器的请求体无法比对：{why}。</translation>
    </message>
    <message>
        <source> (but to different devices: {device} and {editor})</source>
        <translation>（但发往不同的设备：{device} 和 {editor}）</translation>
    </message>
    <message>
        <source>Both bodies carry the same {points}{where}, byte for byte the same.</source>
        <translation>两个请求体携带相同的 {points}{where}，逐字节完全相同。</translation>
    </message>
    <message>
        <source>Both bodies carry the same {points}{where}; their bytes differ (type {a} and type {b}).</source>
        <translation>两个请求体携带相同的 {points}{where}；但字节不同（type {a} 与 type {b}）。</translation>
    </message>
    <message>
        <source>only the device&apos;s</source>
        <translation>仅设备请求中有</translation>
    </message>
    <message>
        <source>only the editor&apos;s</source>
        <translation>仅编辑器请求中有</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation>，另有 {n} 个</translation>
    </message>
    <message>
        <source>The bodies carry different datapoints{where}: {only}.</source>
        <translation>两个请求体携带的数据点不同{where}：{only}。</translation>
    </message>
    <message>
        <source>{stream} = {value} without at</source>
        <translation>{stream} = {value}（不带 at）</translation>
    </message>
    <message>
        <source>{stream} = {value} at {at}</source>
        <translation>{stream} = {value}，at {at}</translation>
    </message>
    <message>
        <source>Compare with the editor&apos;s request</source>
        <translation>与编辑器中的请求对比</translation>
    </message>
    <message>
        <source>Request line and headers</source>
        <translation>请求行和请求头</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Datapoints (stream, at in UTC+8, value)</source>
        <translation>数据点（数据流、at（UTC+8）、值）</translation>
    </message>
    <message>
        <source>Normalised</source>
        <translation>规范化</translation>
    </message>
    <message>
        <source>Raw bytes</source>
        <translation>原始字节</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Connection</source>
        <extracomment>The target may have changed (the endpoint or device field was left, the sandbox box toggled).</extracomment>
        <translation>连接</translation>
    </message>
    <message>
        <source>e.g. 4093215</source>
        <translation>例如 4093215</translation>
    </message>
    <message>
        <source>api-key of the device or product</source>
        <translation>设备或产品的 API Key</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the api-key here and in the preview</source>
        <translation>在此处和预览中显示 API Key</translation>
    </message>
    <message>
        <source>Device profiles: a named target of either platform; its keys are kept in the system keyring</source>
        <translation>设备配置：为任一平台命名的目标；其密钥保存在系统密钥环中</translation>
    </message>
    <message>
        <source>The platform the fields are for</source>
        <translation>各栏所对应的平台</translation>
    </message>
    <message>
        <source>Legacy api-key</source>
        <translation>旧版 API Key</translation>
    </message>
    <message>
        <source>Thing model</source>
        <translation>物模型</translation>
    </message>
    <message>
        <source>The legacy platform: api.heclouds.com, device id and api-key</source>
        <translation>旧版平台：api.heclouds.com、设备 ID 和 API Key</translation>
    </message>
    <message>
        <source>The current platform: open.iot.10086.cn, product id, device name and a device key (token)</source>
        <translation>新版平台：open.iot.10086.cn、产品 ID、设备名称和设备密钥（token）</translation>
    </message>
    <message>
        <source>e.g. DuE2rcXUKn</source>
        <translation>例如 DuE2rcXUKn</translation>
    </message>
    <message>
        <source>e.g. dev1</source>
        <translation>例如 dev1</translation>
    </message>
    <message>
        <source>optional: reads the thing model and verifies</source>
        <translation>可选：用于读取物模型和核对</translation>
    </message>
    <message>
        <source>Use the local sandbox (no account needed)</source>
        <translation>使用本地沙盒（无需账号）</translation>
    </message>
    <message>
        <source>⚠ Plain http sends the api-key in clear text. Use https.</source>
        <translation>⚠ 普通 http 会以明文发送 API Key，请使用 https。</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>设备配置：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入地址(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Device id:</source>
        <translation>设备 ID(&amp;D)：</translation>
    </message>
    <message>
        <source>Product id:</source>
        <translation>产品 ID：</translation>
    </message>
    <message>
        <source>Device name:</source>
        <translation>设备名称：</translation>
    </message>
    <message>
        <source>api-&amp;key:</source>
        <translation>API &amp;Key：</translation>
    </message>
    <message>
        <source>Access key:</source>
        <translation>access_key：</translation>
    </message>
    <message>
        <source>Looking for the profile&apos;s keys in the system keyring…</source>
        <translation>正在系统密钥环中查找此设备配置的密钥…</translation>
    </message>
    <message>
        <source>Looking for a saved api-key in the system keyring…</source>
        <translation>正在系统密钥环中查找已保存的 API Key…</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>（无设备配置）</translation>
    </message>
    <message>
        <source>Sandbox (api-key)</source>
        <translation>沙盒（API Key）</translation>
    </message>
    <message>
        <source>Sandbox (thing)</source>
        <translation>沙盒（物模型）</translation>
    </message>
    <message>
        <source>Profiles cannot be read: {why}</source>
        <translation>无法读取设备配置：{why}</translation>
    </message>
    <message>
        <source>Device &amp;key:</source>
        <translation>设备密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>the device&apos;s key (设备密钥)</source>
        <translation>设备密钥</translation>
    </message>
    <message>
        <source>Cannot build the request: {why}</source>
        <translation>无法生成请求：{why}</translation>
    </message>
    <message>
        <source>The sandbox is not running.</source>
        <translation>沙盒未运行。</translation>
    </message>
    <message>
        <source>Cannot listen on {host}: {why}</source>
        <translation>无法在 {host} 上监听：{why}</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Sandbox: a local test server on this computer; nothing leaves it.</source>
        <translation>沙盒：本机上的测试服务器，数据不会离开这台电脑。</translation>
    </message>
    <message>
        <source>The keys are kept in the system keyring with the profile (… menu).</source>
        <translation>密钥与设备配置一起保存在系统密钥环中（“…”菜单）。</translation>
    </message>
    <message>
        <source>The api-key is saved in the system keyring when you send.</source>
        <translation>发送时 API Key 会保存到系统密钥环中。</translation>
    </message>
    <message>
        <source>No system keyring ({why}): the api-key is kept for this session only.</source>
        <translation>没有可用的系统密钥环（{why}）：API Key 仅在本次运行期间保留。</translation>
    </message>
</context>
<context>
    <name>DatapointEditor</name>
    <message>
        <source>Datapoints</source>
        <extracomment>Issues listed under the table at most (a million-row upload may have a million).</extracomment>
        <translation>数据点</translation>
    </message>
    <message>
        <source>datastream id, e.g. temperature</source>
        <translation>数据流 ID，例如 temperature</translation>
    </message>
    <message>
        <source>84, 23.001, text or {&quot;x&quot;: 1}</source>
        <translation>84、23.001、文本或 {&quot;x&quot;: 1}</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>Chosen time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <source>No at (platform stamps it)</source>
        <translation>不带 at（由平台打时间戳）</translation>
    </message>
    <message>
        <source>&apos;Now&apos; stamps the reading when you add it, so sending it twice stores it once.</source>
        <translation>“当前时间”在添加读数时即打上时间戳，因此重复发送也只会存储一次。</translation>
    </message>
    <message>
        <source>Times are typed and shown in this zone; they are sent in UTC+8</source>
        <translation>时间按此时区输入和显示；发送时换算为平台时间（北京时间，UTC+8）</translation>
    </message>
    <message>
        <source>⚠ Without at the platform stamps it on arrival: if a send gets no clear answer, sending it again may store it twice.</source>
        <translation>⚠ 不带 at 时由平台在到达时打时间戳：若某次发送没有明确应答，重新发送可能会存储两次。</translation>
    </message>
    <message>
        <source>&amp;Add datapoint</source>
        <translation>添加数据点(&amp;A)</translation>
    </message>
    <message>
        <source>Data&amp;stream:</source>
        <translation>数据流(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>值(&amp;V)：</translation>
    </message>
    <message>
        <source>a&amp;t:</source>
        <translation>a&amp;t：</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The remembered time zone is not used: {why} Times are shown in UTC.</source>
        <translation>未使用上次记住的时区：{why} 时间按 UTC 显示。</translation>
    </message>
    <message>
        <source>In {zone}</source>
        <translation>时区 {zone}</translation>
    </message>
    <message>
        <source>did you mean {number}?</source>
        <translation>是否想输入 {number}？</translation>
    </message>
    <message>
        <source>{why}. To add it as text, set the kind to Text.</source>
        <translation>{why}。如要作为文本添加，请将类型设为“文本”。</translation>
    </message>
    <message>
        <source>Text: {why}; it is sent as this text, not as an object.</source>
        <translation>文本：{why}；它会按此文本发送，而不是作为对象。</translation>
    </message>
    <message>
        <source>Read as a JSON object</source>
        <translation>识别为 JSON 对象</translation>
    </message>
    <message>
        <source>Read as the number {number} (full-width characters read as half-width)</source>
        <translation>识别为数值 {number}（全角字符已按半角读取）</translation>
    </message>
    <message>
        <source>Read as a number</source>
        <translation>识别为数值</translation>
    </message>
    <message>
        <source>Read as text</source>
        <translation>识别为文本</translation>
    </message>
    <message>
        <source>Read as text: {why}</source>
        <translation>识别为文本：{why}</translation>
    </message>
    <message>
        <source>A number takes a decimal point, not a comma.</source>
        <translation>数值的小数点应使用“.”，而不是逗号。</translation>
    </message>
    <message>
        <source>A number is typed without thousands separators.</source>
        <translation>输入数值时不要带千位分隔符。</translation>
    </message>
    <message>
        <source>A number takes a decimal point and no thousands separators.</source>
        <translation>数值应使用“.”作小数点，且不带千位分隔符。</translation>
    </message>
    <message>
        <source>&apos;{extra}&apos; after the number makes it text.</source>
        <translation>数值后面的“{extra}”使其成为文本。</translation>
    </message>
    <message>
        <source>&apos;{extra}&apos; before the number makes it text.</source>
        <translation>数值前面的“{extra}”使其成为文本。</translation>
    </message>
    <message>
        <source>A number&apos;s minus sign is &apos;-&apos;, not &apos;−&apos;.</source>
        <translation>数值的负号是“-”，而不是“−”。</translation>
    </message>
    <message>
        <source>Read as text — did you mean {number}?</source>
        <translation>识别为文本——是否想输入 {number}？</translation>
    </message>
    <message>
        <source>Not valid JSON: {what} (line {line}, column {column})</source>
        <translation>不是有效的 JSON：{what}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>Not valid JSON: {what}</source>
        <translation>不是有效的 JSON：{what}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Type a datastream id first.</source>
        <translation>请先输入数据流 ID。</translation>
    </message>
    <message>
        <source>The value cannot be read: see the message under it.</source>
        <translation>无法识别该值：请看值下方的提示。</translation>
    </message>
    <message>
        <source>Type a value first.</source>
        <translation>请先输入值。</translation>
    </message>
    <message>
        <source>The at cannot be read: {why}</source>
        <translation>无法识别该 at：{why}</translation>
    </message>
    <message>
        <source>The at cannot be read: see the message under the time zone.</source>
        <translation>无法识别该 at：请看时区下方的提示。</translation>
    </message>
    <message>
        <source>The at cannot be read: see the message under it.</source>
        <translation>无法识别该 at：请看其下方的提示。</translation>
    </message>
    <message>
        <source>The datapoint could not be saved: {why}</source>
        <translation>无法保存该数据点：{why}</translation>
    </message>
    <message>
        <source>Not removed: {why}</source>
        <translation>未删除：{why}</translation>
    </message>
    <message>
        <source>Row {row}, {column}: not changed: {why}</source>
        <translation>第 {row} 行，{column}：未修改：{why}</translation>
    </message>
    <message>
        <source>On the current platform a datastream is a property of the thing model: {ids}</source>
        <translation>在新版平台上，数据流即物模型的属性：{ids}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source> (row {row})</source>
        <translation>（第 {row} 行）</translation>
    </message>
    <message>
        <source>… and {n} more issues ({errors} errors in all).</source>
        <translation>……另有 {n} 个问题（共 {errors} 个错误）。</translation>
    </message>
</context>
<context>
    <name>DatapointsModel</name>
    <message>
        <source>Shown and typed in {zone}; sent in platform time (UTC+8)</source>
        <extracomment>Custom role: the Row dataclass of an index&apos;s row.</extracomment>
        <translation>按 {zone} 显示和输入；按平台时间（UTC+8）发送</translation>
    </message>
    <message>
        <source>Datastream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>at ({zone})</source>
        <translation>at（{zone}）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>json</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Read as text: {why}. Edit the value, or set the kind to text to keep it as text.</source>
        <translation>识别为文本：{why}。修改该值，或将类型设为文本以保持文本。</translation>
    </message>
    <message>
        <source>Read as text — did you mean {number}? Edit the value to send a number, or set the kind to text to keep it as text.</source>
        <translation>识别为文本——是否想输入 {number}？修改该值即可作为数值发送；或将类型设为文本以保持文本。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Read automatically from the value; edit to force number, text or json</source>
        <translation>根据值自动识别；可修改以强制指定为数值、文本或 JSON</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>由您指定</translation>
    </message>
    <message>
        <source>A request carrying it got no clear answer: it may be stored. It has no at, so sending it again may store it twice.</source>
        <translation>携带它的请求没有明确应答：它可能已被存储。它没有 at，重新发送可能会存储两次。</translation>
    </message>
    <message>
        <source>A request carrying it got no clear answer: it may be stored. Sending it again is safe.</source>
        <translation>携带它的请求没有明确应答：它可能已被存储。重新发送是安全的。</translation>
    </message>
    <message>
        <source>No at: the platform stamps this datapoint when it arrives</source>
        <translation>不带 at：平台会在该数据点到达时为其打时间戳</translation>
    </message>
    <message>
        <source>Sent as {at} (platform time, UTC+8)</source>
        <translation>发送为 {at}（平台时间，UTC+8）</translation>
    </message>
    <message>
        <source>(platform time)</source>
        <translation>（平台时间）</translation>
    </message>
    <message>
        <source>unknown, safe to resend</source>
        <translation>未知，可安全重发</translation>
    </message>
    <message>
        <source>unknown, may duplicate</source>
        <translation>未知，重发可能重复</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>沙盒</translation>
    </message>
</context>
<context>
    <name>DeviceField</name>
    <message>
        <source>No request can go to this device id: {why}</source>
        <translation>无法向此设备 ID 发送请求：{why}</translation>
    </message>
    <message>
        <source>Read as {device}: full-width digits are sent as ASCII digits.</source>
        <translation>已识别为 {device}：全角数字按半角（ASCII）数字发送。</translation>
    </message>
</context>
<context>
    <name>EditorZoneNote</name>
    <message>
        <source>Type and show times in the editor in the file&apos;s zone (they are sent the same either way)</source>
        <translation>编辑器中按文件的时区输入和显示时间（两种方式发送的内容相同）</translation>
    </message>
    <message>
        <source>{file} in the file shows as {table} in the table, because the editor shows times in {zone}.</source>
        <translation>文件中的 {file} 在表格中显示为 {table}，因为编辑器按 {zone} 显示时间。</translation>
    </message>
    <message>
        <source>Show the editor in {zone}</source>
        <translation>编辑器改用 {zone}</translation>
    </message>
</context>
<context>
    <name>ExchangesModel</name>
    <message>
        <source>#</source>
        <extracomment>The Exchange of a row.</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>no rule broken</source>
        <translation>未违反任何规则</translation>
    </message>
</context>
<context>
    <name>HistoryDetail</name>
    <message>
        <source>(cannot rebuild the request: {why})</source>
        <extracomment>Signs a rebuilt current-platform request shown in the history (masked): no key is ever stored.</extracomment>
        <translation>（无法重建请求：{why}）</translation>
    </message>
    <message>
        <source>OneJSON (current platform, thing model)</source>
        <translation>OneJSON（新版平台，物模型）</translation>
    </message>
    <message>
        <source>Request #{number}</source>
        <translation>请求 #{number}</translation>
    </message>
    <message>
        <source>URL: {url}</source>
        <translation>URL：{url}</translation>
    </message>
    <message>
        <source>Type: {type}</source>
        <translation>type：{type}</translation>
    </message>
    <message>
        <source>Body ({size} bytes, {points}):</source>
        <translation>请求体（{size} 字节，{points}）：</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>no answer recorded (the program stopped while sending); outcome: {outcome}</source>
        <translation>没有记录到应答（程序在发送时停止）；结果：{outcome}</translation>
    </message>
    <message>
        <source>Attempt: {number}, started {time}</source>
        <translation>尝试：第 {number} 次，开始于 {time}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation>HTTP 状态码：{status}</translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation>error：{error}</translation>
    </message>
    <message>
        <source>Latency: {ms:.0f} ms</source>
        <translation>耗时：{ms:.0f} 毫秒</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time ({zone})</source>
        <extracomment>Rows read from the store per `fetchMore`. Columns: what happened when, first (the outcome must show in a narrow tab), then where and the details. Custom role: the `HistorySummary` of an index&apos;s row.</extracomment>
        <translation>时间（{zone}）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Datapoints</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>type {n}</source>
        <translation>type {n}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>发送中</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Any outcome</source>
        <extracomment>Outbox ids of the selected entries&apos; rows, to be sent again. (endpoint, device id, Readings) of the selected requests that were stored (see verify_selected) After every export (written, cancelled or failed): True when the file was written.</extracomment>
        <translation>所有结果</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search error, endpoint, device, body</source>
        <translation>搜索错误信息、接入地址、设备、请求体</translation>
    </message>
    <message>
        <source>Search error</source>
        <translation>搜索错误</translation>
    </message>
    <message>
        <source>unknown (#4)</source>
        <translation>未知（#4）</translation>
    </message>
    <message>
        <source>not sent (#4)</source>
        <translation>未发送（#4）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Datapoints</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>type {n}</source>
        <translation>type {n}</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>Select a request to see exactly what was sent and what came back</source>
        <translation>选择一个请求，查看实际发送的内容和返回的应答</translation>
    </message>
    <message>
        <source>&amp;Resend selected</source>
        <translation>重发所选(&amp;R)</translation>
    </message>
    <message>
        <source>Mark the selected requests&apos; datapoints to be sent again</source>
        <translation>将所选请求的数据点标记为待重新发送</translation>
    </message>
    <message>
        <source>&amp;Verify selected</source>
        <translation>核对所选(&amp;V)</translation>
    </message>
    <message>
        <source>Read the selected requests&apos; datapoints back from the platform</source>
        <translation>从平台回读所选请求的数据点</translation>
    </message>
    <message>
        <source>Resend anyway (may &amp;duplicate)</source>
        <translation>仍然重发（可能重复）(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 &amp;CSV…</translation>
    </message>
    <message>
        <source>Write the entries matching the filter to a CSV file</source>
        <translation>将符合筛选条件的记录写入 CSV 文件</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>Requests and sent datapoints older than this are forgotten when the program starts. Datapoints not sent yet, failed or unknown are always kept.</source>
        <translation>早于此期限的请求和已发送数据点会在程序启动时清除。未发送、失败或结果未知的数据点始终保留。</translation>
    </message>
    <message>
        <source>Keep histor&amp;y for:</source>
        <translation>历史记录保留(&amp;Y)：</translation>
    </message>
    <message>
        <source>Times in {zone}</source>
        <translation>时间按 {zone} 显示</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) match</source>
        <translation>
            <numerusform>%Ln 个请求符合条件</numerusform>
        </translation>
    </message>
    <message>
        <source>, {shown} loaded</source>
        <translation>，已加载 {shown} 个</translation>
    </message>
    <message>
        <source>The datapoint to resend has no at and the platform may hold it already.</source>
        <translation>要重发的数据点没有 at，平台可能已经存有它。</translation>
    </message>
    <message>
        <source>All {n} datapoints to resend have no at and the platform may hold them already.</source>
        <translation>要重发的 {n} 个数据点都没有 at，平台可能已经存有它们。</translation>
    </message>
    <message>
        <source>1 of the {total} datapoints to resend has no at and the platform may hold it already.</source>
        <translation>要重发的 {total} 个数据点中有 1 个没有 at，平台可能已经存有它。</translation>
    </message>
    <message>
        <source>{n} of the {total} datapoints to resend have no at and the platform may hold them already.</source>
        <translation>要重发的 {total} 个数据点中有 {n} 个没有 at，平台可能已经存有它们。</translation>
    </message>
    <message>
        <source>It stamps each datapoint without at with its arrival time, so resending stores a second copy instead of overwriting the first. Resend anyway?</source>
        <translation>平台会以到达时间为每个不带 at 的数据点打时间戳，因此重发会再存一份，而不是覆盖第一份。仍然重发吗？</translation>
    </message>
    <message>
        <source>Nothing to verify: none of the {n} selected attempts was stored (errno 0). Select a request the platform answered with errno 0.</source>
        <translation>没有可核对的内容：所选的 {n} 次尝试都没有被存储（errno 0）。请选择平台以 errno 0 应答的请求。</translation>
    </message>
    <message>
        <source>device {device} at {endpoint}</source>
        <translation>{endpoint} 的设备 {device}</translation>
    </message>
    <message>
        <source>The selected requests went to {n} targets ({targets}): select requests of one endpoint and device to verify them.</source>
        <translation>所选请求发往了 {n} 个目标（{targets}）：请选择同一接入地址和设备的请求进行核对。</translation>
    </message>
    <message>
        <source>Requests to the current platform (thing model) are verified from the table (Verify on platform) or with onenet-uploader verify FILE --profile NAME.</source>
        <translation>发往新版平台（物模型）的请求请在表格中核对（“在平台上核对”），或使用 onenet-uploader verify FILE --profile NAME。</translation>
    </message>
    <message>
        <source>A stored body cannot be read back: {why}</source>
        <translation>无法读取已存储的请求体：{why}</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{done} of {total} entries</source>
        <translation>{done}/{total} 条记录</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln entry(ies) to {path}…</source>
        <translation>
            <numerusform>正在将 %Ln 条记录导出到 {path}…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ %Ln entry(ies) exported to {path}.</source>
        <translation>
            <numerusform>✔ 已将 %Ln 条记录导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>正在取消导出…</translation>
    </message>
    <message>
        <source>✘ Not exported: {path} could not be written: {why}. Nothing was written there.</source>
        <translation>✘ 未导出：无法写入 {path}：{why}。该处未写入任何内容。</translation>
    </message>
    <message>
        <source>✘ Not exported: the history could not be read: {why}. Nothing was written to {path}.</source>
        <translation>✘ 未导出：无法读取历史记录：{why}。未向 {path} 写入任何内容。</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written to {path}.</source>
        <translation>已取消导出：未向 {path} 写入任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>&amp;Import readings…</source>
        <extracomment>(endpoint, device id) a send would go to now: a second import of a file queued there asks first.</extracomment>
        <translation>导入读数(&amp;I)…</translation>
    </message>
    <message>
        <source>Import readings from a CSV, Excel or JSON file (Ctrl+O); you can also drop a file on the window</source>
        <translation>从 CSV、Excel 或 JSON 文件导入读数（Ctrl+O）；也可以把文件拖到窗口上</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import readings</source>
        <translation>导入读数</translation>
    </message>
    <message>
        <source>Readings ({patterns});;All files (*)</source>
        <translation>读数 ({patterns});;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) imported from {name}.</source>
        <translation>
            <numerusform>已从 {name} 导入 %Ln 个数据点。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import readings — {name}</source>
        <extracomment>Above this many datapoints the dialog says the editor may get slow. The question when rows of this file already wait or were sent (shown window-modal, not blocking).</extracomment>
        <translation>导入读数 — {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {size} · {folder}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {size} · {folder}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First rows, as they will be sent (times in platform time, UTC+8)</source>
        <translation>前几行，按将要发送的样子显示（时间为平台时间 UTC+8）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop reading (or importing, or saving) the file</source>
        <translation>停止读取（或导入、保存）文件</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation>保存被拒绝的行(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the rows that cannot be imported, with the reason, to a CSV file to fix and import later</source>
        <translation>将无法导入的行连同原因写入 CSV 文件，修正后可再次导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>“{pattern}” is not a time format: use % codes such as %d.%m.%Y %H:%M.</source>
        <translation>“{pattern}”不是时间格式：请使用 % 代码，例如 %d.%m.%Y %H:%M。</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Stopped. Change a setting to read the file again.</source>
        <translation>已停止。修改任一设置即可重新读取文件。</translation>
    </message>
    <message>
        <source>Nothing imported, the outbox cannot be written: {why}</source>
        <translation>未导入任何内容，无法写入发件箱：{why}</translation>
    </message>
    <message>
        <source>Cannot read the file: {why}</source>
        <translation>无法读取文件：{why}</translation>
    </message>
    <message>
        <source>✘ {why}</source>
        <translation>✘ {why}</translation>
    </message>
    <message>
        <source>Type the date of the first row to read the times of day.</source>
        <translation>请输入第一行的日期，以读取这些时刻。</translation>
    </message>
    <message>
        <source>The time column says {text}: choose the zone the times were written in.</source>
        <translation>时间列写的是 {text}：请选择记录这些时间时所用的时区。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) cannot be read and are not imported (see Problems).</source>
        <translation>
            <numerusform>%Ln 行无法识别，不导入（见“问题”）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %Ln datapoint(s)</source>
        <translation>
            <numerusform>导入 %Ln 个数据点(&amp;I)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln datapoint(s) to the editor…</source>
        <translation>
            <numerusform>正在将 %Ln 个数据点加入编辑器…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} datapoints of this file already wait to be sent or were sent.</source>
        <translation>
            <numerusform>此文件的 {total} 个数据点中，有 %Ln 个已在等待发送或已发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of the {total} datapoints in {name} were imported before and already wait to be sent or were sent to this device. Import them again? Datapoints without a time of their own would be stored twice.</source>
        <translation>
            <numerusform>{name} 的 {total} 个数据点中，有 %Ln 个之前已导入，正在等待发送或已发送到此设备。要再次导入吗？本身不带时间的数据点会被存储两次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rejected row(s) written to {path}.</source>
        <translation>
            <numerusform>已将被拒绝的 %Ln 行写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the day/month order to read the times.</source>
        <translation>请选择日/月顺序以识别时间。</translation>
    </message>
    <message>
        <source>No time column: choose one, type the time format, or stamp the rows with the import time.</source>
        <translation>没有时间列：请选择一列、输入时间格式，或以导入时间作为各行的时间。</translation>
    </message>
    <message>
        <source>Nothing to import: {rows} read, {rejected} not imported.</source>
        <translation>没有可导入的内容：已读取 {rows}，{rejected} 行未导入。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{stream} ({n})</source>
        <translation>{stream}（{n}）</translation>
    </message>
    <message>
        <source>{points} from {rows} into {streams} ({per}).</source>
        <translation>{points}，来自 {rows}，分属 {streams}（{per}）。</translation>
    </message>
    <message>
        <source>That many datapoints make the editor slow; `onenet-uploader send` uploads files this size.</source>
        <translation>数据点这么多会让编辑器变慢；这种大小的文件请用 `onenet-uploader send` 上传。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Already queued</source>
        <translation>已在队列中</translation>
    </message>
    <message>
        <source>Import again</source>
        <translation>再次导入</translation>
    </message>
    <message>
        <source>Not imported: the datapoints of this file are already queued.</source>
        <translation>未导入：此文件的数据点已在队列中。</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Writing the rejected rows to {path}…</source>
        <translation>正在将被拒绝的行写入 {path}…</translation>
    </message>
    <message>
        <source>✘ The rejected rows could not be written: {why}</source>
        <translation>✘ 无法写入被拒绝的行：{why}</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>The editor has no request to send</source>
        <translation>编辑器中没有要发送的请求</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>所有设备</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>所有请求</translation>
    </message>
    <message>
        <source>Accepted (errno 0)</source>
        <translation>已接受（errno 0）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>With a warning</source>
        <translation>有警告</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Import as readings</source>
        <translation>作为读数导入</translation>
    </message>
    <message>
        <source>Compare with the editor&apos;s request</source>
        <translation>与编辑器中的请求对比</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save every captured request as JSON lines (api-keys masked)</source>
        <translation>将捕获的每个请求保存为 JSON Lines（API Key 已遮盖）</translation>
    </message>
    <message>
        <source>{requests}</source>
        <translation>{requests}</translation>
    </message>
    <message>
        <source>{shown} of {total} requests</source>
        <translation>{shown}/{total} 个请求</translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation>（无应答）</translation>
    </message>
    <message>
        <source>Select a captured request to compare it with the editor&apos;s</source>
        <translation>选择一个捕获的请求，与编辑器中的请求对比</translation>
    </message>
    <message>
        <source>Show the selected request and the editor&apos;s side by side: headers, bodies, datapoints</source>
        <translation>并排显示所选请求和编辑器中的请求：请求头、请求体、数据点</translation>
    </message>
    <message>
        <source>Not copied: this body is not UTF-8 text, which a shell cannot pass.</source>
        <translation>未复制：此请求体不是 UTF-8 文本，shell 无法传递。</translation>
    </message>
    <message>
        <source>Copied; in the terminal, set $ONENET_API_KEY (or $ONENET_TOKEN) to the key before running it.</source>
        <translation>已复制；运行前请在终端中把 $ONENET_API_KEY（或 $ONENET_TOKEN）设为密钥。</translation>
    </message>
    <message>
        <source>Cannot import: {reason}</source>
        <translation>无法导入：{reason}</translation>
    </message>
    <message>
        <source>{points} imported</source>
        <translation>已导入 {points}</translation>
    </message>
    <message>
        <source>Captured request #{number}</source>
        <translation>捕获的请求 #{number}</translation>
    </message>
    <message>
        <source>The editor&apos;s request</source>
        <translation>编辑器中的请求</translation>
    </message>
    <message>
        <source>Export captured requests</source>
        <translation>导出捕获的请求</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>{requests} saved</source>
        <translation>已保存 {requests}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>OneNET Datapoint Uploader</source>
        <extracomment>The window&apos;s size at first start (px), or less: it opens within the screen&apos;s available area.</extracomment>
        <translation>OneNET 数据点上传工具</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Enter)</source>
        <translation>发送预览中显示的请求（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Cancel send</source>
        <translation>取消发送(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Remove selected datapoints</source>
        <translation>删除所选数据点(&amp;R)</translation>
    </message>
    <message>
        <source>Mark all datapoints &amp;unsent</source>
        <translation>将所有数据点标为未发送(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear all datapoints…</source>
        <translation>清空所有数据点(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>Show the folder of the log file (requests, outcomes, errors)</source>
        <translation>打开日志文件所在的文件夹（请求、结果、错误）</translation>
    </message>
    <message>
        <source>&amp;Verify on platform</source>
        <translation>在平台上核对(&amp;V)</translation>
    </message>
    <message>
        <source>Read the sent datapoints back from the platform and compare</source>
        <translation>从平台回读已发送的数据点并比对</translation>
    </message>
    <message>
        <source>Send on a &amp;timer…</source>
        <translation>定时发送(&amp;T)…</translation>
    </message>
    <message>
        <source>Send the selected streams every N seconds, as a device would (through the outbox)</source>
        <translation>像设备一样每隔 N 秒发送所选数据流（经由发件箱）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, and follow it when it changes</source>
        <translation>与桌面的浅色或深色一致，桌面切换时随之切换</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>请求(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>A sandbox trial: your own outbox is not shown here. Datapoints you make here for a real endpoint are kept in it and show at your next start without --sandbox.</source>
        <translation>沙盒试用：这里不显示您自己的发件箱。在此为真实接入地址创建的数据点会保存到您的发件箱中，下次不带 --sandbox 启动时显示。</translation>
    </message>
    <message>
        <source>The datapoints without a target keep none: {why}</source>
        <translation>没有目标的数据点仍无目标：{why}</translation>
    </message>
    <message>
        <source>Not moved: {why}</source>
        <translation>未改发：{why}</translation>
    </message>
    <message>
        <source>Not discarded: {why}</source>
        <translation>未丢弃：{why}</translation>
    </message>
    <message>
        <source>The editor has no request to send</source>
        <translation>编辑器中没有要发送的请求</translation>
    </message>
    <message>
        <source>Not imported: {why}</source>
        <translation>未导入：{why}</translation>
    </message>
    <message>
        <source>{points} imported from the sandbox&apos;s request.</source>
        <translation>已从沙盒收到的请求导入 {points}。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) marked to send again; {q} not in the table queued for &apos;outbox send&apos;</source>
        <translation>
            <numerusform>已将 %Ln 个数据点标为待重新发送；另有 {q} 个不在表格中的数据点已排入“outbox send”队列</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove all %Ln datapoint(s) from the table?</source>
        <translation>
            <numerusform>要从表格中删除全部 %Ln 个数据点吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard datapoints</source>
        <translation>丢弃数据点</translation>
    </message>
    <message>
        <source>Clear all datapoints</source>
        <translation>清空所有数据点</translation>
    </message>
    <message>
        <source>Not cleared: {why}</source>
        <translation>未清空：{why}</translation>
    </message>
    <message>
        <source>Nothing to verify here: the datapoints marked sent were sent to other targets.</source>
        <translation>此处没有可核对的内容：标为已发送的数据点发往的是其他目标。</translation>
    </message>
    <message>
        <source>Nothing to verify: no datapoint in the table is marked sent.</source>
        <translation>没有可核对的内容：表格中没有标为已发送的数据点。</translation>
    </message>
    <message>
        <source>Reading back from the current platform needs the product&apos;s access key.</source>
        <translation>从新版平台回读需要产品的 access_key。</translation>
    </message>
    <message>
        <source>Cannot read the platform: {why}</source>
        <translation>无法读取平台数据：{why}</translation>
    </message>
    <message>
        <source>About OneNET Datapoint Uploader</source>
        <translation>关于 OneNET 数据点上传工具</translation>
    </message>
    <message>
        <source>OneNET Datapoint Uploader {version}
Uploads datapoints to OneNET&apos;s HTTP API.</source>
        <translation>OneNET 数据点上传工具 {version}
通过 OneNET 的 HTTP API 上传数据点。</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Try it on the sandbox.&lt;/b&gt; Tick &lt;i&gt;Use the local sandbox&lt;/i&gt; (or start the program with &lt;code&gt;onenet-uploader --sandbox&lt;/code&gt;): a OneNET-compatible server on this computer with device &lt;code&gt;{device}&lt;/code&gt; and api-key &lt;code&gt;{key}&lt;/code&gt;. Nothing leaves this computer. &lt;i&gt;Copy as curl&lt;/i&gt; gives a command that sends the previewed request; in the terminal, first &lt;code&gt;export ONENET_API_KEY={key}&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The seed example&lt;/b&gt; is the request body of OneNET&apos;s API description: datastreams &lt;code&gt;temperature&lt;/code&gt; and &lt;code&gt;key&lt;/code&gt;, four datapoints; two of &lt;code&gt;key&lt;/code&gt; have the same at, so the check warns that the platform keeps only the last. &lt;i&gt;Add the example&lt;/i&gt; puts it in the table; then press Send.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Where things are kept.&lt;/b&gt; Datapoints and the history of requests: &lt;code&gt;{outbox}&lt;/code&gt; (a &lt;code&gt;--sandbox&lt;/code&gt; trial keeps its own in a folder of its own beside it, removed when it closes; what it made for a real endpoint moves to yours then, or at the next start if it was killed). Logs: &lt;code&gt;{logs}&lt;/code&gt; (&lt;i&gt;File &amp;gt; Open log folder&lt;/i&gt;). The api-key is never written to a file: it is kept in the system&apos;s keyring, or for the session only.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;先在沙盒上试试。&lt;/b&gt;勾选“使用本地沙盒”（或用 &lt;code&gt;onenet-uploader --sandbox&lt;/code&gt; 启动程序）：这是本机上一个与 OneNET 兼容的服务器，设备为 &lt;code&gt;{device}&lt;/code&gt;，API Key 为 &lt;code&gt;{key}&lt;/code&gt;。数据不会离开这台电脑。“复制为 curl 命令”会生成一条发送当前预览请求的命令；在终端中请先执行 &lt;code&gt;export ONENET_API_KEY={key}&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;示例数据&lt;/b&gt;就是 OneNET API 文档中的请求体：数据流 &lt;code&gt;temperature&lt;/code&gt; 和 &lt;code&gt;key&lt;/code&gt;，共四个数据点；其中 &lt;code&gt;key&lt;/code&gt; 有两个数据点的 at 相同，所以检查会提示平台只保留最后一个。“添加示例”会把它放进表格，然后按“发送”即可。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据保存在哪里。&lt;/b&gt;数据点和请求历史：&lt;code&gt;{outbox}&lt;/code&gt;（&lt;code&gt;--sandbox&lt;/code&gt; 试用时另存于其旁边的独立文件夹，关闭时删除；试用中为真实接入地址创建的数据点届时移入您的发件箱，若程序被强行终止，则在下次启动时移入）。日志：&lt;code&gt;{logs}&lt;/code&gt;（“文件 &amp;gt; 打开日志文件夹”）。API Key 绝不会写入文件：它保存在系统密钥环中，或仅在本次运行期间保留。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The datapoints made for a real endpoint in this trial could not be kept in your outbox now: {why}. They stay in the trial&apos;s folder and move there at your next start.</source>
        <translation>本次试用中为真实接入地址创建的数据点暂时无法保存到您的发件箱：{why}。它们留在试用文件夹中，下次启动时再移入发件箱。</translation>
    </message>
    <message>
        <source>Add the &amp;example</source>
        <translation>添加示例(&amp;E)</translation>
    </message>
    <message>
        <source>Not added: {why}</source>
        <translation>未添加：{why}</translation>
    </message>
    <message>
        <source>{points} of the seed example added.</source>
        <translation>已添加示例数据中的 {points}。</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>未保留</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>&amp;Fit all</source>
        <extracomment>Symbols are drawn for a curve while at most this many of its points are in view, and while they are on average at least SYMBOL_SPACING_PX pixels apart. Peak downsampling keeps about this many min/max groups per pixel of plot width. How close (pixels) the crosshair must come to a datapoint to name it. The legend&apos;s curve (sent points) of every series, by series name.</extracomment>
        <translation>全部显示(&amp;F)</translation>
    </message>
    <message>
        <source>Show every datapoint and follow new ones</source>
        <translation>显示所有数据点并跟随新数据点</translation>
    </message>
    <message>
        <source>Zoom +</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in on time (or turn the mouse wheel over the plot)</source>
        <translation>放大时间轴（或在曲线上滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom −</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom out on time</source>
        <translation>缩小时间轴</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <source>Grid lines (with a million points, panning is faster without them)</source>
        <translation>网格线（数据点达百万级时，关闭网格平移更快）</translation>
    </message>
    <message>
        <source>&amp;Series</source>
        <translation>序列(&amp;S)</translation>
    </message>
    <message>
        <source>Show or hide series (or click a legend entry)</source>
        <translation>显示或隐藏序列（也可点击图例项）</translation>
    </message>
    <message>
        <source>View as &amp;PNG image…</source>
        <translation>导出为 &amp;PNG 图片…</translation>
    </message>
    <message>
        <source>Plotted data as &amp;CSV…</source>
        <translation>导出绘图数据为 &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>An axis per series</source>
        <translation>每个序列一条轴</translation>
    </message>
    <message>
        <source>Each series on its own value axis, in its colour: a pressure near 1013 beside a temperature</source>
        <translation>每个序列使用自己的数值轴，颜色与序列一致：约 1013 的气压可与温度并列显示</translation>
    </message>
    <message>
        <source>One axis for all series</source>
        <translation>所有序列共用一条轴</translation>
    </message>
    <message>
        <source>&amp;Axes</source>
        <translation>坐标轴(&amp;A)</translation>
    </message>
    <message>
        <source>An axis per series, or one axis for all</source>
        <translation>每个序列一条轴，或所有序列共用一条轴</translation>
    </message>
    <message>
        <source>Platform time (UTC+8)</source>
        <translation>平台时间（UTC+8）</translation>
    </message>
    <message>
        <source>The zone of the time axis, the crosshair and exported times</source>
        <translation>时间轴、十字光标和导出时间所用的时区</translation>
    </message>
    <message>
        <source>&amp;Times in:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>Datapoints without at are drawn at the time they were sent; unsent ones have no time yet. Of sent datapoints of one datastream at the same at, only the last is shown: the platform keeps only it.</source>
        <translation>不带 at 的数据点按发送时间绘制；未发送的尚无时间。同一数据流中 at 相同的已发送数据点只显示最后一个：平台只保留它。</translation>
    </message>
    <message>
        <source>Numeric values of the datapoints appear here.</source>
        <translation>数据点的数值会显示在这里。</translation>
    </message>
    <message>
        <source>Preparing the plot of {rows}…</source>
        <translation>正在准备 {rows}的曲线…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{muted}&apos;&gt;━●&lt;/span&gt; sent &amp;nbsp; &lt;span style=&apos;color:{muted}&apos;&gt;╌○&lt;/span&gt; not sent &amp;nbsp; &lt;span style=&apos;color:{red}&apos;&gt;✕&lt;/span&gt; failed</source>
        <translation>&lt;span style=&apos;color:{muted}&apos;&gt;━●&lt;/span&gt; 已发送 &amp;nbsp; &lt;span style=&apos;color:{muted}&apos;&gt;╌○&lt;/span&gt; 未发送 &amp;nbsp; &lt;span style=&apos;color:{red}&apos;&gt;✕&lt;/span&gt; 失败</translation>
    </message>
    <message>
        <source>plotted: {n}</source>
        <translation>已绘制：{n}</translation>
    </message>
    <message>
        <source>overwritten by a later sent datapoint at the same at: {n}</source>
        <translation>被之后发送的同一 at 的数据点覆盖：{n}</translation>
    </message>
    <message>
        <source>not sent and without at (no time yet): {n}</source>
        <translation>未发送且不带 at（尚无时间）：{n}</translation>
    </message>
    <message>
        <source>text values (not plotted): {n}</source>
        <translation>文本值（不绘制）：{n}</translation>
    </message>
    <message>
        <source>time ({zone})</source>
        <translation>时间（{zone}）</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>{time} ({zone}) · {value}</source>
        <translation>{time}（{zone}）· {value}</translation>
    </message>
    <message>
        <source>  —  {series} = {value} at {time} ({status})</source>
        <translation>  —  {series} = {value}，时间 {time}（{status}）</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Export the plot as PNG</source>
        <translation>将曲线导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>Export the plotted data as CSV</source>
        <translation>将绘图数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln datapoint(s) to {path}</source>
        <translation>
            <numerusform>已将 %Ln 个数据点保存到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row number in the file</source>
        <extracomment>Problems listed in the dialog; the count says how many more there are.</extracomment>
        <translation>文件中的行号</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>→ at (UTC+8)</source>
        <translation>→ at（UTC+8）</translation>
    </message>
    <message>
        <source>(time of day)</source>
        <translation>（时刻）</translation>
    </message>
    <message>
        <source>→ datastream</source>
        <translation>→ 数据流</translation>
    </message>
    <message>
        <source>→ value</source>
        <translation>→ 值</translation>
    </message>
    <message>
        <source>In the file: {text}</source>
        <translation>文件中为：{text}</translation>
    </message>
    <message>
        <source>Empty in the file</source>
        <translation>文件中为空</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Large uploads are split into several requests, sent in this order</source>
        <translation>大批量上传会拆分为多个请求，按此顺序发送</translation>
    </message>
    <message>
        <source>Request (exact)</source>
        <translation>请求（原样）</translation>
    </message>
    <message>
        <source>Body (pretty)</source>
        <translation>请求体（格式化）</translation>
    </message>
    <message>
        <source>Nothing sent yet in this window.</source>
        <translation>此窗口尚未发送任何内容。</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发送</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>复制为 c&amp;url 命令</translation>
    </message>
    <message>
        <source>A curl command for sh/bash/zsh sending exactly these bytes; the api-key as $ONENET_API_KEY</source>
        <translation>适用于 sh/bash/zsh 的 curl 命令，发送完全相同的字节；API Key 写作 $ONENET_API_KEY</translation>
    </message>
    <message>
        <source>Copy &amp;body</source>
        <translation>复制请求体(&amp;B)</translation>
    </message>
    <message>
        <source>Save body to &amp;file…</source>
        <translation>将请求体保存到文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Answer: HTTP {status}</source>
        <translation>应答：HTTP {status}</translation>
    </message>
    <message>
        <source>No answer: {why}</source>
        <translation>无应答：{why}</translation>
    </message>
    <message numerus="yes">
        <source>[… %Ln more byte(s) …]</source>
        <translation>
            <numerusform>[… 另有 %Ln 字节 …]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[… %Ln byte(s) not shown: use &apos;Save body to file…&apos; to see the body whole …]</source>
        <translation>
            <numerusform>[… 有 %Ln 字节未显示：请使用“将请求体保存到文件…”查看完整请求体 …]</numerusform>
        </translation>
    </message>
    <message>
        <source>This body is {size}: only its first and last {edge} are shown.</source>
        <translation>此请求体大小为 {size}：只显示开头和结尾各 {edge}。</translation>
    </message>
    <message>
        <source>body: {size} bytes · {streams} datastream(s)</source>
        <translation>请求体：{size} 字节 · {streams} 个数据流</translation>
    </message>
    <message>
        <source>This body is {size}: too large to pretty-print here. Save it to a file to read it.</source>
        <translation>此请求体大小为 {size}：太大，无法在此格式化显示。请保存到文件后查看。</translation>
    </message>
    <message>
        <source>Copied the curl command of {which}.</source>
        <translation>已复制{which}的 curl 命令。</translation>
    </message>
    <message>
        <source>Copied the curl command of {which} (the api-key as $ONENET_API_KEY).</source>
        <translation>已复制{which}的 curl 命令（API Key 写作 $ONENET_API_KEY）。</translation>
    </message>
    <message>
        <source>Copied the body of {which}.</source>
        <translation>已复制{which}的请求体。</translation>
    </message>
    <message>
        <source>request {k} of {n}</source>
        <translation>第 {k}/{n} 个请求</translation>
    </message>
    <message>
        <source>Save body to file</source>
        <translation>将请求体保存到文件</translation>
    </message>
    <message>
        <source>Body (*.{suffix});;All files (*)</source>
        <translation>请求体 (*.{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not save: {why}</source>
        <translation>无法保存：{why}</translation>
    </message>
</context>
<context>
    <name>PreviewSendPanel</name>
    <message>
        <source>Preview: what will be sent</source>
        <extracomment>Datapoints the preview&apos;s note on the zone of `at` looks through for an example `at`.</extracomment>
        <translation>预览：将要发送的内容</translation>
    </message>
    <message>
        <source>Send a&amp;nyway</source>
        <translation>仍然发送(&amp;N)</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>request %v of %m</source>
        <translation>第 %v/%m 个请求</translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) got no clear answer and have no at: sending them again may store them twice. Press Send to choose.</source>
        <translation>
            <numerusform>有 %Ln 个数据点没有得到明确应答且不带 at：重新发送可能会存储两次。按“发送”后可选择如何处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send to this target: %Ln datapoint(s) wait for their target, {target}. Each is sent only to its own target: switch the connection to theirs to send them.</source>
        <translation>
            <numerusform>没有要发往此目标的内容：%Ln 个数据点在等待发往其目标 {target}。每个数据点只发往自己的目标：请将连接切换到其目标再发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to send to this target: %Ln datapoint(s) wait for {targets} other targets (Target column). Each is sent only to its own target: switch the connection to theirs to send them.</source>
        <translation>
            <numerusform>没有要发往此目标的内容：%Ln 个数据点在等待发往其他 {targets} 个目标（见“目标”列）。每个数据点只发往自己的目标：请将连接切换到其目标再发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send: every datapoint in the table is sent (or being sent). Add datapoints, or mark them unsent (Edit menu) to send them again.</source>
        <translation>没有要发送的内容：表格中的数据点都已发送（或正在发送）。请添加数据点，或将其标为未发送（“编辑”菜单）以重新发送。</translation>
    </message>
    <message>
        <source>Nothing to send: add datapoints first.</source>
        <translation>没有要发送的内容：请先添加数据点。</translation>
    </message>
    <message>
        <source>Nothing can be sent yet: {why}</source>
        <translation>暂时无法发送：{why}</translation>
    </message>
    <message>
        <source>Type {type} cannot be sent: {why}</source>
        <translation>无法以 type {type} 发送：{why}</translation>
    </message>
    <message>
        <source>{points} in {streams} · {size} in {n} · {format}</source>
        <translation>{points}，{streams} · {size}，{n} · {format}</translation>
    </message>
    <message>
        <source>OneJSON (thing model)</source>
        <translation>OneJSON（物模型）</translation>
    </message>
    <message>
        <source>type {n}</source>
        <translation>type {n}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) with an unknown outcome and no at are held back.</source>
        <translation>
            <numerusform>有 %Ln 个数据点结果未知且不带 at，暂不发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) wait for other targets and are not sent now.</source>
        <translation>
            <numerusform>%Ln 个数据点在等待发往其他目标，现在不发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>at in the body is platform time (UTC+8), as the table shows it.</source>
        <translation>请求体中的 at 为平台时间（UTC+8），与表格显示一致。</translation>
    </message>
    <message>
        <source>at in the body is platform time (UTC+8): {shown} in {zone} is sent as {sent}.</source>
        <translation>请求体中的 at 为平台时间（UTC+8）：{zone} 的 {shown} 发送为 {sent}。</translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more problem(s)</source>
        <translation>
            <numerusform>……另有 %Ln 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems: {rows} not imported, {warnings}</source>
        <translation>问题：{rows}未导入，{warnings}</translation>
    </message>
    <message>
        <source>Problems: none</source>
        <translation>问题：无</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>, {column}</source>
        <translation>，{column}</translation>
    </message>
    <message>
        <source>the whole row is not imported</source>
        <translation>整行不导入</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
</context>
<context>
    <name>ProfileMenu</name>
    <message>
        <source>…</source>
        <extracomment>An operation on the profiles: &quot;&quot; when done, else why not.</extracomment>
        <translation>…</translation>
    </message>
    <message>
        <source>Add, save, rename, duplicate or delete profiles</source>
        <translation>添加、保存、重命名、复制或删除设备配置</translation>
    </message>
    <message>
        <source>&amp;Save the fields to this profile</source>
        <translation>将各栏保存到此设备配置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add a profile of the fields…</source>
        <translation>以各栏新建设备配置(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>复制(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>设备配置</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>设备配置名称：</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>添加设备配置</translation>
    </message>
    <message>
        <source>Rename the profile</source>
        <translation>重命名设备配置</translation>
    </message>
    <message>
        <source>Duplicate the profile</source>
        <translation>复制设备配置</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <source>Delete the profile {name} and its keys?</source>
        <translation>要删除设备配置 {name} 及其密钥吗？</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Qt&apos;s own words that the qtbase catalogue PySide6 ships does not translate (its sources predate Qt 6&apos;s `&amp;Look in:` and QAbstractFileIconProvider): ours, in Qt&apos;s contexts; our catalogue is asked before Qt&apos;s (installed last).</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReadSettings</name>
    <message>
        <source>How the file is read</source>
        <translation>文件读取方式</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧）</translation>
    </message>
    <message>
        <source>Comma  ,</source>
        <translation>逗号  ,</translation>
    </message>
    <message>
        <source>Semicolon  ;</source>
        <translation>分号  ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Vertical bar  |</source>
        <translation>竖线  |</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>第一行是表头</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>没有表头行</translation>
    </message>
    <message>
        <source>Wide: a column per datastream</source>
        <translation>宽表：每个数据流一列</translation>
    </message>
    <message>
        <source>Long: stream, time, value per row</source>
        <translation>长表：每行为数据流、时间、值</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>工作表(&amp;H)：</translation>
    </message>
    <message>
        <source>From the data</source>
        <translation>根据数据判断</translation>
    </message>
    <message>
        <source>Day first: 04/11/2026 is 4 November</source>
        <translation>日在前：04/11/2026 是 11 月 4 日</translation>
    </message>
    <message>
        <source>Month first: 04/11/2026 is April 11</source>
        <translation>月在前：04/11/2026 是 4 月 11 日</translation>
    </message>
    <message>
        <source>Two-digit year first: 26-12-07 is 7 December 2026</source>
        <translation>两位年份在前：26-12-07 是 2026 年 12 月 7 日</translation>
    </message>
    <message>
        <source>The zone the file&apos;s clock times were written in; they are sent in platform time, UTC+8.</source>
        <translation>文件中时间所用的时区；发送时换算为平台时间 UTC+8。</translation>
    </message>
    <message>
        <source>Stamp them with the import time</source>
        <translation>以导入时间作为其时间</translation>
    </message>
    <message>
        <source>Send without at (the platform stamps them)</source>
        <translation>不带 at 发送（由平台打时间戳）</translation>
    </message>
    <message>
        <source>Refuse them</source>
        <translation>拒绝导入</translation>
    </message>
    <message>
        <source>Point: 2.6</source>
        <translation>小数点：2.6</translation>
    </message>
    <message>
        <source>Comma: 2,6</source>
        <translation>逗号：2,6</translation>
    </message>
    <message>
        <source>line </source>
        <translation>第 </translation>
    </message>
    <message>
        <source>The line of the file that holds the column names (lines above it are skipped)</source>
        <translation>文件中列名所在的行（其上方的行会被跳过）</translation>
    </message>
    <message>
        <source>Automatic, or e.g. %d.%m.%Y %H:%M</source>
        <translation>自动，或例如 %d.%m.%Y %H:%M</translation>
    </message>
    <message>
        <source>How the time column is written, as a strftime pattern (%Y year, %m month, %d day, %H hour, %M minute, %S second, %b month name). It overrides what was detected; cells that do not match are listed and their rows are not imported.</source>
        <translation>时间列的写法，用 strftime 格式表示（%Y 年、%m 月、%d 日、%H 时、%M 分、%S 秒、%b 月份名称）。它优先于自动识别的结果；不匹配的单元格会被列出，其所在行不导入。</translation>
    </message>
    <message>
        <source>e.g. NA, -200, --</source>
        <translation>例如 NA, -200, --</translation>
    </message>
    <message>
        <source>Cell texts that mean &apos;no reading&apos;, separated by commas. Such cells are skipped, never sent; empty cells always are.</source>
        <translation>表示“无读数”的单元格文字，用逗号分隔。这些单元格会被跳过，不会发送；空单元格总是跳过。</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>表头(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>布局(&amp;L)：</translation>
    </message>
    <message>
        <source>Day/&amp;month order:</source>
        <translation>日/月顺序(&amp;M)：</translation>
    </message>
    <message>
        <source>Decimal mar&amp;k:</source>
        <translation>小数点(&amp;K)：</translation>
    </message>
    <message>
        <source>Times are in &amp;zone:</source>
        <translation>时间所在时区(&amp;Z)：</translation>
    </message>
    <message>
        <source>Rows without a &amp;time:</source>
        <translation>没有时间的行(&amp;T)：</translation>
    </message>
    <message>
        <source>Missing-value ma&amp;rkers:</source>
        <translation>缺失值标记(&amp;R)：</translation>
    </message>
    <message>
        <source>Header &amp;row:</source>
        <translation>表头行(&amp;R)：</translation>
    </message>
    <message>
        <source>Time &amp;format:</source>
        <translation>时间格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Automatic: {found}</source>
        <translation>自动：{found}</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽表</translation>
    </message>
    <message>
        <source>long (stream, time, value)</source>
        <translation>长表（数据流、时间、值）</translation>
    </message>
    <message>
        <source>stamp the import time</source>
        <translation>以导入时间为时间</translation>
    </message>
    <message>
        <source>send without at</source>
        <translation>不带 at 发送</translation>
    </message>
    <message>
        <source>refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>point</source>
        <translation>小数点</translation>
    </message>
    <message>
        <source>per column</source>
        <translation>按列</translation>
    </message>
    <message>
        <source>day first</source>
        <translation>日在前</translation>
    </message>
    <message>
        <source>month first</source>
        <translation>月在前</translation>
    </message>
    <message>
        <source>two-digit year first</source>
        <translation>两位年份在前</translation>
    </message>
    <message>
        <source>From the data: {order}</source>
        <translation>根据数据判断：{order}</translation>
    </message>
    <message>
        <source>a OneNET type {n} body: times are platform time (UTC+8)</source>
        <translation>OneNET type {n} 格式的请求体：时间为平台时间（UTC+8）</translation>
    </message>
    <message>
        <source>times from {names} ({formats}, e.g. {example}) in {zone}{how}, sent in UTC+8</source>
        <translation>时间取自 {names}（{formats}，例如 {example}），时区 {zone}{how}，按 UTC+8 发送</translation>
    </message>
    <message>
        <source>the zone each time gives</source>
        <translation>每个时间自带的时区</translation>
    </message>
    <message>
        <source>no time column</source>
        <translation>没有时间列</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) above the table skipped</source>
        <translation>
            <numerusform>跳过了表格上方的 %Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Found: {what}</source>
        <translation>识别结果：{what}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{reading} ({order})</source>
        <translation>{reading}（{order}）</translation>
    </message>
    <message>
        <source>Dates like {examples} can be read in more than one order; the first one is {ways}. Choose the order above.</source>
        <translation>{examples} 这样的日期可按不止一种顺序读取；第一个日期可读作 {ways}。请在上方选择顺序。</translation>
    </message>
    <message>
        <source>{name} (hidden)</source>
        <translation>{name}（隐藏）</translation>
    </message>
    <message>
        <source>Shown on opening: {name}</source>
        <translation>打开时显示的工作表：{name}</translation>
    </message>
    <message>
        <source>No visible sheet: choose one</source>
        <translation>没有可见的工作表：请选择一个</translation>
    </message>
    <message>
        <source> (from the header {header})</source>
        <translation>（取自表头 {header}）</translation>
    </message>
    <message>
        <source> (chosen)</source>
        <translation>（已指定）</translation>
    </message>
    <message>
        <source> (not stated in the file: the zone chosen above)</source>
        <translation>（文件中未注明：使用上方选择的时区）</translation>
    </message>
    <message>
        <source>Excel workbook, sheet “{sheet}” ({how})</source>
        <translation>Excel 工作簿，工作表“{sheet}”（{how}）</translation>
    </message>
    <message>
        <source>Excel workbook, sheet “{sheet}”</source>
        <translation>Excel 工作簿，工作表“{sheet}”</translation>
    </message>
    <message>
        <source>OneNET type 5 text ({encoding})</source>
        <translation>OneNET type 5 文本（{encoding}）</translation>
    </message>
    <message>
        <source>JSON ({encoding})</source>
        <translation>JSON（{encoding}）</translation>
    </message>
    <message>
        <source>text table ({encoding})</source>
        <translation>文本表格（{encoding}）</translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Request {k} of {n} · {points} · {size}</source>
        <translation>第 {k}/{n} 个请求 · {points} · {size}</translation>
    </message>
    <message>
        <source> · over the limit</source>
        <translation> · 超出上限</translation>
    </message>
</context>
<context>
    <name>RequestOptionsBar</name>
    <message>
        <source>Type 1 · full JSON</source>
        <translation>type 1 · 完整 JSON</translation>
    </message>
    <message>
        <source>Type 3 · {stream: value}</source>
        <translation>type 3 · {stream: value}</translation>
    </message>
    <message>
        <source>Type 4 · {stream: {at: value}}</source>
        <translation>type 4 · {stream: {at: value}}</translation>
    </message>
    <message>
        <source>Type 5 · text</source>
        <translation>type 5 · 文本</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Type 5 separators: two different characters, sub-field first, field second (e.g. ,;). Empty: chosen automatically so that no id or value contains them.</source>
        <translation>type 5 分隔符：两个不同的字符，先子字段后字段（例如 ,;）。留空：自动选择，确保任何 ID 或值中都不含这两个字符。</translation>
    </message>
    <message>
        <source>Se&amp;parators:</source>
        <translation>分隔符(&amp;P)：</translation>
    </message>
    <message>
        <source> datapoints</source>
        <translation> 个数据点</translation>
    </message>
    <message>
        <source>Datapoints per request at most; larger uploads are split</source>
        <translation>每个请求最多包含的数据点数；超出时拆分上传</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Body size per request at most. OneNET documents no limit; related endpoints cap bodies at 64 KB.</source>
        <translation>每个请求的请求体最大大小。OneNET 文档未规定上限；相关接口限制请求体为 64 KB。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Per request at most:</source>
        <translation>每个请求最多：</translation>
    </message>
    <message>
        <source>Cannot carry these datapoints: {why}</source>
        <translation>无法承载这些数据点：{why}</translation>
    </message>
    <message>
        <source>Can carry every datapoint as it is</source>
        <translation>可以原样承载所有数据点</translation>
    </message>
</context>
<context>
    <name>ResponsePanel</name>
    <message>
        <source>Nothing sent yet.</source>
        <translation>尚未发送。</translation>
    </message>
    <message>
        <source>The answer&apos;s headers</source>
        <translation>应答的响应头</translation>
    </message>
    <message>
        <source>errno:</source>
        <translation>错误码 errno：</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>error：</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP 状态码：</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>耗时：</translation>
    </message>
    <message>
        <source>Raw response:</source>
        <translation>原始响应：</translation>
    </message>
    <message>
        <source>&amp;Verify on platform</source>
        <translation>在平台上核对(&amp;V)</translation>
    </message>
    <message>
        <source>The datapoints not stored are kept in the table, marked &apos;failed&apos; or &apos;not sent&apos;.</source>
        <translation>未存储的数据点保留在表格中，标为“失败”或“未发送”。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>{ms:.0f} ms</source>
        <translation>{ms:.0f} 毫秒</translation>
    </message>
</context>
<context>
    <name>SandboxTab</name>
    <message>
        <source>The window is not using the local sandbox. Check “Use the local sandbox” under Connection to start it: every request it receives (from this window, curl or a device) shows here with its bytes and a verdict.</source>
        <translation>窗口当前未使用本地沙盒。在“连接”中勾选“使用本地沙盒”即可启动：它收到的每个请求（来自本窗口、curl 或设备）都会连同字节内容和判定显示在这里。</translation>
    </message>
    <message>
        <source>This computer only ({host})</source>
        <translation>仅本机（{host}）</translation>
    </message>
    <message>
        <source>This computer only, IPv6 ({host})</source>
        <translation>仅本机，IPv6（{host}）</translation>
    </message>
    <message>
        <source>Every address of this computer ({host})</source>
        <translation>本机的所有地址（{host}）</translation>
    </message>
    <message>
        <source>Every IPv6 address of this computer ({host})</source>
        <translation>本机的所有 IPv6 地址（{host}）</translation>
    </message>
    <message>
        <source>Where the sandbox listens; a device on the bench needs an address of this computer on its network</source>
        <translation>沙盒的监听地址；实验台上的设备需要使用本机在其所在网络中的地址</translation>
    </message>
    <message>
        <source>Not offered: {hosts} (link-local IPv6: a device would need the interface&apos;s zone id in the URL, which most HTTP clients and firmware cannot send; use another address of that network)</source>
        <translation>未列出：{hosts}（链路本地 IPv6 地址：设备需要在 URL 中带上网卡的 zone id，而大多数 HTTP 客户端和固件都做不到；请使用该网络中的其他地址）</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>Listen on:</source>
        <translation>监听地址：</translation>
    </message>
    <message>
        <source>Device URL:</source>
        <translation>设备 URL：</translation>
    </message>
    <message>
        <source>It expects device {device} with api-key {key}; a device posts to {url}/devices/{device}/datapoints</source>
        <translation>它接收设备 {device}、API Key 为 {key} 的数据；设备应 POST 到 {url}/devices/{device}/datapoints</translation>
    </message>
    <message>
        <source>⚠ Listening on {host}: anyone on that network can send to this sandbox.</source>
        <translation>⚠ 正在 {host} 上监听：该网络中的任何人都能向此沙盒发送数据。</translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>No product access key is given: the thing model is not read, so property identifiers and value types are not checked before sending (the platform still refuses what its model does not allow).</source>
        <extracomment>Up to this many table rows the preview is computed at once on the GUI thread (a few tens of ms); above, on a worker, while the preview says &quot;computing…&quot;. Datapoints added to the plot after a send at most (the plot sorts every series in Python). Datapoints of a send the plot is redrawn for at once even while hidden (a bigger send: when it is shown). (product target, access key, URL) -&gt; the thing model read, or why it could not be</extracomment>
        <translation>未提供产品 access_key：不读取物模型，因此发送前不检查属性标识符和值的类型（平台仍会拒绝其物模型不允许的内容）。</translation>
    </message>
    <message>
        <source>reading the product&apos;s thing model…</source>
        <translation>正在读取产品的物模型…</translation>
    </message>
    <message>
        <source>The thing model could not be read ({why}): property identifiers and value types are not checked before sending.</source>
        <translation>无法读取物模型（{why}）：发送前不检查属性标识符和值的类型。</translation>
    </message>
    <message>
        <source>The preview could not be computed: {why}</source>
        <translation>无法生成预览：{why}</translation>
    </message>
    <message>
        <source>Send the request shown in the preview (Ctrl+Enter)</source>
        <translation>发送预览中显示的请求（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Computing the requests; they are sent as soon as they are ready.</source>
        <translation>正在生成请求；生成后立即发送。</translation>
    </message>
    <message numerus="yes">
        <source>Computing the requests for %Ln datapoint(s)…</source>
        <translation>
            <numerusform>正在为 %Ln 个数据点生成请求…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) got no clear answer and have no at: the platform may have stored them, and sending them again may store them twice. Send anyway (may duplicate)?</source>
        <translation>
            <numerusform>有 %Ln 个数据点没有得到明确应答且不带 at：平台可能已存储它们，重新发送可能会存储两次。仍然发送（可能重复）吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Send anyway (may &amp;duplicate)</source>
        <translation>仍然发送（可能重复）(&amp;D)</translation>
    </message>
    <message>
        <source>Fix the errors listed first.</source>
        <translation>请先修正列出的错误。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s): {first} Send anyway?</source>
        <translation>
            <numerusform>%Ln 个警告：{first} 仍然发送吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a&amp;nyway</source>
        <translation>仍然发送(&amp;N)</translation>
    </message>
    <message>
        <source>Sending {n} in {k} to {url}…</source>
        <translation>正在将 {n}分 {k} 发送到 {url}…</translation>
    </message>
    <message>
        <source>Cancelled. The request in flight may still reach the platform; requests not yet stored keep their datapoints &apos;not sent&apos; so you can send them again (datapoints with an explicit at are stored once).</source>
        <translation>已取消。正在传输的请求仍可能到达平台；尚未存储的请求，其数据点保持“未发送”，可以再次发送（带明确 at 的数据点只会存储一次）。</translation>
    </message>
    <message>
        <source>Send cancelled.</source>
        <translation>已取消发送。</translation>
    </message>
    <message>
        <source>Request {k}: {why}; trying again in {s:.1f} s…</source>
        <translation>第 {k} 个请求：{why}；{s:.1f} 秒后重试…</translation>
    </message>
    <message>
        <source>Request {k} of {n} failed.</source>
        <translation>第 {k}/{n} 个请求失败。</translation>
    </message>
    <message>
        <source>Nothing was sent: {why}</source>
        <translation>未发送任何内容：{why}</translation>
    </message>
    <message>
        <source>errno {errno}</source>
        <translation>错误码 errno {errno}</translation>
    </message>
    <message>
        <source>Last sent: request {k} of {n} · {answer}</source>
        <translation>最近发送：第 {k}/{n} 个请求 · {answer}</translation>
    </message>
    <message>
        <source>✘ The send stopped with an error: {kind}: {why}. Datapoints not stored stay in the table, marked &apos;not sent&apos; (their Status says where each one is). If the program was updated or reinstalled while this window was open, restart it.</source>
        <translation>✘ 发送因错误而中止：{kind}：{why}。未存储的数据点保留在表格中，标为“未发送”（其“状态”说明每个数据点的情况）。如果在此窗口打开期间程序被更新或重新安装，请重新启动程序。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) sent: too many to plot.</source>
        <translation>
            <numerusform>已发送 %Ln 个数据点：数量太多，无法绘制。</numerusform>
        </translation>
    </message>
    <message>
        <source>History: {n} older than {days} days forgotten.</source>
        <translation>历史记录：已清除 {days} 天前的 {n}。</translation>
    </message>
    <message>
        <source>The old history could not be forgotten: {why}</source>
        <translation>无法清除旧的历史记录：{why}</translation>
    </message>
</context>
<context>
    <name>SendMessages</name>
    <message>
        <source>✔ Stored: errno 0. {n} sent in {k}.</source>
        <translation>✔ 已存储：错误码 errno 0。已发送 {n}，共 {k}。</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>? Request {k} of {n}: no clear answer: {why}. The platform may have stored its {m} datapoints; they are marked &apos;unknown&apos;.</source>
        <translation>? 第 {k}/{n} 个请求没有明确的应答：{why}。平台可能已存储其中的 {m} 个数据点，已标为“未知”。</translation>
    </message>
    <message>
        <source>Sending them again is safe: they have an explicit at, which the platform overwrites.</source>
        <translation>重新发送是安全的：它们带有明确的 at，平台会覆盖同一时间的旧值。</translation>
    </message>
    <message>
        <source>They have no at: sending them again may store them twice.</source>
        <translation>它们没有 at：重新发送可能会被存储两次。</translation>
    </message>
    <message>
        <source>✘ Request {k} of {n} not delivered: {why}</source>
        <translation>✘ 第 {k}/{n} 个请求未送达：{why}</translation>
    </message>
    <message>
        <source>✘ Request {k} of {n} not stored: {why}</source>
        <translation>✘ 第 {k}/{n} 个请求未被存储：{why}</translation>
    </message>
    <message>
        <source>Stopped there: the later requests were not sent, so their datapoints cannot overwrite the earlier ones out of order. Send again to go on.</source>
        <translation>已在此停止：后面的请求没有发送，以免其数据点乱序覆盖前面的数据点。再次发送即可继续。</translation>
    </message>
    <message>
        <source>The datapoints not stored are kept in the table, marked &apos;not sent&apos;.</source>
        <translation>未存储的数据点保留在表格中，标为“未发送”。</translation>
    </message>
    <message>
        <source>Another send from this outbox is running (perhaps &apos;onenet-uploader outbox send&apos;, or a cancelled send finishing its last request). Nothing was sent; try again when it has finished.</source>
        <translation>此发件箱正在进行另一次发送（可能是“onenet-uploader outbox send”，或已取消的发送正在完成最后一个请求）。本次未发送任何内容；请在其结束后重试。</translation>
    </message>
    <message>
        <source>✘ Not stored: {why}</source>
        <translation>✘ 未存储：{why}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>it is not in the settings format (damaged or edited?)</source>
        <extracomment>Days of history kept when nothing else is said (History tab, &quot;Keep history for&quot;). The longest retention that can be chosen (about a century); 0 means &quot;forever&quot;.</extracomment>
        <translation>它不是设置文件的格式（已损坏或被编辑过？）</translation>
    </message>
    <message>
        <source>it cannot be read or written (permissions?)</source>
        <translation>无法读取或写入它（权限问题？）</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {why}. The window starts with the default settings and leaves the file as it is; what you change now is kept only until the window closes. Correct, restore or remove the file to keep your settings again.</source>
        <translation>无法读取设置文件 {path}：{why}。窗口以默认设置启动，并保持该文件原样；现在所做的更改只保留到窗口关闭。请修正、恢复或删除该文件，以便再次保存您的设置。</translation>
    </message>
</context>
<context>
    <name>StartupChecks</name>
    <message>
        <source>Your saved profiles are not listed: {why}. The file is left as it is and no profile can be saved until it is corrected or removed.</source>
        <translation>未列出您保存的设备配置：{why}。该文件保持原样；在修正或删除它之前，无法保存任何设备配置。</translation>
    </message>
    <message>
        <source>A file could not be read</source>
        <translation>有文件无法读取</translation>
    </message>
</context>
<context>
    <name>StorageFaults</name>
    <message>
        <source>Check the table and the history, then send again.</source>
        <translation>请检查表格和历史记录，然后再次发送。</translation>
    </message>
    <message>
        <source>The outbox database {path} held datapoints before and is now empty or gone.</source>
        <translation>发件箱数据库 {path} 之前存有数据点，现在却是空的或已不存在。</translation>
    </message>
    <message>
        <source>The outbox database {path} cannot be written (disk full, read-only, or a disk error).</source>
        <translation>无法写入发件箱数据库 {path}（磁盘已满、只读或磁盘出错）。</translation>
    </message>
    <message>
        <source>The outbox database {path} cannot be used.</source>
        <translation>无法使用发件箱数据库 {path}。</translation>
    </message>
    <message>
        <source>The window closes and leaves the file as it is: free space, fix permissions or restore a backup.</source>
        <translation>窗口将关闭，文件保持原样：请释放磁盘空间、修正权限或恢复备份。</translation>
    </message>
    <message>
        <source>The outbox was damaged</source>
        <translation>发件箱已损坏</translation>
    </message>
    <message>
        <source>The outbox cannot be used</source>
        <translation>无法使用发件箱</translation>
    </message>
</context>
<context>
    <name>TargetSwitch</name>
    <message numerus="yes">
        <source>%Ln datapoint(s) not sent yet were made for {old}; the connection now names {new}. They are not sent here unless you move them.</source>
        <translation>
            <numerusform>有 %Ln 个尚未发送的数据点是为 {old} 创建的；连接现在指向 {new}。除非改发，否则它们不会发送到这里。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) wait for {old}.</source>
        <translation>
            <numerusform>%Ln 个数据点在等待发往 {old}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) moved to {new}.</source>
        <translation>
            <numerusform>已将 %Ln 个数据点改发到 {new}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln datapoint(s) discarded.</source>
        <translation>
            <numerusform>已丢弃 %Ln 个数据点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %Ln datapoint(s) made for {old}? They were never sent, and cannot be restored.</source>
        <translation>
            <numerusform>丢弃为 {old} 创建的 %Ln 个数据点？它们从未发送过，丢弃后无法恢复。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %Ln datapoint(s)</source>
        <translation>
            <numerusform>丢弃 %Ln 个数据点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeQuestion</name>
    <message>
        <source>Stamp every row with the import time</source>
        <translation>每一行都以导入时间为时间</translation>
    </message>
    <message>
        <source>Send the rows at the moment of importing: only right for readings taken just now</source>
        <translation>以导入时刻作为各行的时间：只适用于刚刚测得的读数</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>The date of the file&apos;s first row</source>
        <translation>文件第一行的日期</translation>
    </message>
    <message>
        <source>The time column says {text}, which can mean {choices}. Choose the zone above.</source>
        <translation>时间列写的是 {text}，它可能表示 {choices}。请在上方选择时区。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>No column was understood as a time, so nothing is imported. Choose the time column (Use as: Time) below and, if it is written another way, type its Time format above — or stamp every row with the import time.</source>
        <translation>没有识别出时间列，因此不会导入任何内容。请在下方选择时间列（用作：时间），如果其写法特殊，请在上方输入时间格式——或者以导入时间作为每一行的时间。</translation>
    </message>
    <message>
        <source>Column “{column}” holds times of day only and the file gives no date, so nothing is imported. Type the date of the first row (a time earlier than the row before it is read as the next day):</source>
        <translation>列“{column}”只有时刻，文件中没有日期，因此不导入任何内容。请输入第一行的日期（某个时刻早于上一行时，读作下一天）：</translation>
    </message>
    <message>
        <source>Date of the first row:</source>
        <translation>第一行的日期：</translation>
    </message>
</context>
<context>
    <name>TimedSendDialog</name>
    <message>
        <source>Send on a timer</source>
        <translation>定时发送</translation>
    </message>
    <message>
        <source>One stream a line, STREAM=VALUES: 21.5 (fixed), list:20,21,22 (in turn), file:values.txt (a file&apos;s values in turn, one a line, starting over after the last), walk:20..25 (random walk within the bounds, step /0.5), sine:20..25/60s, ramp:0..100/5</source>
        <translation>每行一个数据流，格式为 数据流=取值：21.5（固定值）、list:20,21,22（依次取值）、file:values.txt（依次取文件中的值，每行一个，取完后从头开始）、walk:20..25（在范围内随机游走，步长 /0.5）、sine:20..25/60s、ramp:0..100/5</translation>
    </message>
    <message>
        <source>Values from a &amp;file…</source>
        <translation>从文件取值(&amp;F)…</translation>
    </message>
    <message>
        <source>Add a stream whose values are read from a text file, one a line, sent in turn; after the last line it starts again from the first. All values are of the first one&apos;s kind (number, JSON or text).</source>
        <translation>添加一个数据流，其值从文本文件读取（每行一个），依次发送；发完最后一行后从第一行重新开始。所有值的类型与第一个值相同（数值、JSON 或文本）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <source>at = the moment of sending (else the platform stamps them)</source>
        <translation>at = 发送时刻（否则由平台打时间戳）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>The table keeps the datapoints of the last %Ln tick(s); older ones leave it once the platform has stored them (History lists every request).</source>
        <translation>
            <numerusform>表格保留最近 %Ln 次发送的数据点；更早的数据点在平台存储后从表格移除（“历史记录”列出每个请求）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Streams:</source>
        <translation>数据流：</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <source>Times:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>Values from a file</source>
        <translation>从文件取值</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot start: {why}</source>
        <translation>无法开始：{why}</translation>
    </message>
    <message>
        <source>Paused: {why}</source>
        <translation>已暂停：{why}</translation>
    </message>
    <message>
        <source>Ticks: {n} of {count}</source>
        <translation>已发送：{n}/{count} 次</translation>
    </message>
    <message>
        <source>Ticks: {n}</source>
        <translation>已发送：{n} 次</translation>
    </message>
    <message>
        <source>Next send at {time}</source>
        <translation>下次发送：{time}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>VerifyModel</name>
    <message>
        <source>Datastream</source>
        <extracomment>Custom roles: the Check of a row, and its Outcome.</extracomment>
        <translation>数据流</translation>
    </message>
    <message>
        <source>at ({zone})</source>
        <translation>at（{zone}）</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>On the platform</source>
        <translation>平台上的值</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>found</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>different</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>overwritten</source>
        <translation>已被覆盖</translation>
    </message>
    <message>
        <source>unverifiable</source>
        <translation>无法核对</translation>
    </message>
    <message>
        <source>(no at)</source>
        <translation>（不带 at）</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>&amp;Verify on platform</source>
        <extracomment>The outcome shown, for `finished` once the run has ended (the panel can start again only then).</extracomment>
        <translation>在平台上核对(&amp;V)</translation>
    </message>
    <message>
        <source>Read the sent datapoints back from the platform and compare them with what was sent</source>
        <translation>从平台回读已发送的数据点，并与发送的内容比对</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only &amp;missing and different</source>
        <translation>只显示缺失和不一致的(&amp;M)</translation>
    </message>
    <message>
        <source>Send datapoints, then verify that the platform stored them.</source>
        <translation>先发送数据点，再核对平台是否已存储。</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln datapoint(s) back from {url}…</source>
        <translation>
            <numerusform>正在从 {url} 回读 %Ln 个数据点…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading {stream!r}: %Ln datapoint(s) read back in {requests}</source>
        <translation>
            <numerusform>正在读取 {stream!r}：已通过 {requests}回读 %Ln 个数据点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ {missing} missing and {different} different of %Ln checkable datapoint(s).</source>
        <translation>
            <numerusform>✘ 在 %Ln 个可核对的数据点中，{missing} 个缺失，{different} 个不一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ All %Ln checkable datapoint(s) are on the platform as sent.</source>
        <translation>
            <numerusform>✔ 全部 %Ln 个可核对的数据点都已按发送的内容存于平台。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled: nothing was compared.</source>
        <translation>已取消核对：未进行任何比对。</translation>
    </message>
    <message>
        <source>Nothing could be checked: no sent datapoint has an at.</source>
        <translation>无法核对：已发送的数据点都不带 at。</translation>
    </message>
    <message>
        <source>found {found} · missing {missing} · different {different} · overwritten {overwritten} (a later one had the same at) · unverifiable {unverifiable} (sent without at) — {read} datapoints read back in {requests} requests</source>
        <translation>找到 {found} · 缺失 {missing} · 不一致 {different} · 已被覆盖 {overwritten}（之后有相同 at 的数据点）· 无法核对 {unverifiable}（发送时不带 at）— 通过 {requests} 个请求回读了 {read} 个数据点</translation>
    </message>
    <message>
        <source>✘ Could not read the platform back: {why}</source>
        <translation>✘ 无法从平台回读：{why}</translation>
    </message>
</context>
<context>
    <name>WaitingBar</name>
    <message>
        <source>&amp;Keep for their target</source>
        <translation>保留给原目标(&amp;K)</translation>
    </message>
    <message>
        <source>They wait, and are sent when the connection names their target again</source>
        <translation>它们继续等待，等连接再次指向其目标时发送</translation>
    </message>
    <message>
        <source>&amp;Move to this target</source>
        <translation>改发到当前目标(&amp;M)</translation>
    </message>
    <message>
        <source>Send them to the target the connection names now</source>
        <translation>发送到连接当前指向的目标</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ZoneCombo</name>
    <message>
        <source>Type a time zone: a name like Asia/Shanghai or an offset like UTC+8.</source>
        <extracomment>How the field shows a time.</extracomment>
        <translation>请输入时区：例如 Asia/Shanghai（北京时间）这样的名称，或 UTC+8 这样的偏移。</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone yet: continue it, e.g. {example}.</source>
        <translation>“{text}”还不是完整的时区：请继续输入，例如 {example}。</translation>
    </message>
    <message>
        <source>“{text}” is an abbreviation, not a time zone: several zones share one (CST is China&apos;s, US Central&apos;s and Cuba&apos;s). Type the zone&apos;s name, e.g. Asia/Shanghai, or its offset, e.g. UTC+8.</source>
        <translation>“{text}”是时区缩写，不是时区：多个时区共用同一缩写（CST 可指中国、美国中部和古巴的时间）。请输入时区名称（例如 Asia/Shanghai）或偏移（例如 UTC+8）。</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone: an offset is at most 14 hours (UTC-14:00 to UTC+14:00).</source>
        <translation>“{text}”不是时区：偏移最多 14 小时（UTC-14:00 到 UTC+14:00）。</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone: the minutes of an offset go from 00 to 59.</source>
        <translation>“{text}”不是时区：偏移的分钟数应为 00 到 59。</translation>
    </message>
    <message>
        <source>“{text}” is not a time zone: type a name like Asia/Shanghai or an offset like UTC+8.</source>
        <translation>“{text}”不是时区：请输入 Asia/Shanghai 这样的名称，或 UTC+8 这样的偏移。</translation>
    </message>
    <message>
        <source>Times stay in {zone}.</source>
        <translation>时间仍按 {zone} 显示。</translation>
    </message>
    <message>
        <source>{name} is {offset} (the Etc/GMT names count west as plus).</source>
        <translation>{name} 即 {offset}（Etc/GMT 名称以西为正）。</translation>
    </message>
    <message>
        <source>{name} is US Central time ({offsets}, as in {zone}), not China&apos;s CST: China&apos;s time is Asia/Shanghai (UTC+08:00).</source>
        <translation>{name} 是美国中部时间（{offsets}，同 {zone}），不是中国的 CST：中国时间请用 Asia/Shanghai（UTC+08:00）。</translation>
    </message>
    <message>
        <source>{name} is an old name for the time of {zone} ({offsets}): check that it is the zone meant.</source>
        <translation>{name} 是 {zone} 时间的旧名称（{offsets}）：请确认这是您要的时区。</translation>
    </message>
</context>
<context>
    <name>ZoneNote</name>
    <message>
        <source>The header of column “{column}” states the zone, {stated}: its times are read in {zone}. The zone box applies only to times without a zone.</source>
        <translation>“{column}”列的表头注明了时区 {stated}：其时间按 {zone} 读取。时区框只用于未注明时区的时间。</translation>
    </message>
    <message>
        <source>The file does not say which time zone its times are in: the zone of your last import, {zone}, is used. Importing confirms it; choose the zone they were written in if it is another.</source>
        <translation>文件没有注明其时间所用的时区：将使用您上次导入时的时区 {zone}。导入即表示确认；如果这些时间是按其他时区记录的，请选择该时区。</translation>
    </message>
    <message>
        <source>The file does not say which time zone its times are in: this computer&apos;s zone, {zone}, is used. Importing confirms it; choose the zone they were written in if it is another.</source>
        <translation>文件没有注明其时间所用的时区：将使用本机时区 {zone}。导入即表示确认；如果记录时用的是其他时区（例如北京时间 Asia/Shanghai），请选择该时区。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>The languages the product speaks: code -&gt; its name in itself (the Language menu). File names: resources/translations/onenet-uploader_&lt;code&gt;.ts argparse&apos;s own words (Python 3.11&apos;s argparse asks `gettext` for them), in the catalogue&apos;s &quot;argparse&quot; context.</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须提供以下参数之一：%s</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Upload datapoints to China Mobile&apos;s OneNET IoT platform by hand.</source>
        <translation>手动向中国移动 OneNET 物联网平台上传数据点。</translation>
    </message>
    <message>
        <source>language of the window and the messages: en or zh_CN (default: LC_ALL, LANG, the system&apos;s)</source>
        <translation>窗口和消息的语言：en 或 zh_CN（默认：依次取 LC_ALL、LANG、系统语言）</translation>
    </message>
    <message>
        <source>open the window on an embedded local sandbox with a demo device</source>
        <translation>打开窗口并连接内置的本地沙盒，附带一个演示设备</translation>
    </message>
    <message>
        <source>build the window offscreen, send the seed example to an embedded sandbox, check it arrived, exit</source>
        <translation>在后台构建窗口，向内置沙盒发送示例数据，检查是否送达，然后退出</translation>
    </message>
    <message>
        <source>run a local OneNET-compatible server in the foreground</source>
        <translation>在前台运行与 OneNET 兼容的本地服务器</translation>
    </message>
    <message>
        <source>Run a local OneNET-compatible server (on 127.0.0.1 unless --host says otherwise), logging each request.</source>
        <translation>运行与 OneNET 兼容的本地服务器（默认在 127.0.0.1，可用 --host 另行指定），并记录每个请求。</translation>
    </message>
    <message>
        <source>upload the readings of a CSV, XLSX or JSON file</source>
        <translation>上传 CSV、XLSX 或 JSON 文件中的读数</translation>
    </message>
    <message>
        <source>Import a file of readings (CSV/TSV/TXT, XLSX, JSON, type 5 text) the way the window&apos;s File &gt; Import does, and upload its datapoints.</source>
        <translation>按窗口中“文件 &gt; 导入”的方式导入读数文件（CSV/TSV/TXT、XLSX、JSON、type 5 文本），并上传其中的数据点。</translation>
    </message>
    <message>
        <source>list the outbox: datapoints not sent yet, or `outbox send` them</source>
        <extracomment>`outbox send` takes the api-key from API_KEY_ENV when set, else the OS keyring.</extracomment>
        <translation>列出发件箱：尚未发送的数据点；或用 `outbox send` 发送它们</translation>
    </message>
    <message>
        <source>List the outbox kept in the data directory (counts by state, then the rows). The data directory can be moved with $ONENET_UPLOADER_DATA_DIR.</source>
        <translation>列出数据目录中的发件箱（先按状态计数，再列出各行）。可用 $ONENET_UPLOADER_DATA_DIR 更改数据目录。</translation>
    </message>
    <message>
        <source>list rows in this state (repeatable; default: every state but sent)</source>
        <translation>列出处于此状态的行（可重复指定；默认：除“已发送”外的所有状态）</translation>
    </message>
    <message>
        <source>list at most N rows (0: all; default 50)</source>
        <translation>最多列出 N 行（0：全部；默认 50）</translation>
    </message>
    <message>
        <source>send the unsent and unknown datapoints</source>
        <translation>发送未发送和结果未知的数据点</translation>
    </message>
    <message>
        <source>Send the outbox&apos;s unsent and unknown datapoints, in requests of at most --batch datapoints and --max-bytes body bytes, split as the window and `send` split them (at most one datapoint without `at` of a datastream in a request), retrying connection errors, timeouts, HTTP 5xx and 429. The api-key comes from $ONENET_API_KEY or, if unset, from the system keyring (saved there by the window). Ctrl+C stops after the request on the wire; what is not sent stays in the outbox.</source>
        <translation>发送发件箱中未发送和结果未知的数据点；每个请求最多 --batch 个数据点、请求体最多 --max-bytes 字节，拆分方式与窗口和 `send` 相同（一个请求中同一数据流不带 `at` 的数据点至多一个）；连接错误、超时、HTTP 5xx 和 429 会重试。API Key 取自 $ONENET_API_KEY，未设置时取自系统密钥环（由窗口保存）。按 Ctrl+C 会在当前请求完成后停止；未发送的内容留在发件箱中。</translation>
    </message>
    <message>
        <source>Exit status: 0 all sent; 1 some not sent (see the output and the log); 2 usage; 3 another send from this outbox is running; 4 the outbox database is damaged (salvaged), gone, full or read-only; 130 interrupted.</source>
        <translation>退出码：0 全部已发送；1 有些未发送（见输出和日志）；2 用法错误；3 此发件箱正在进行另一次发送；4 发件箱数据库已损坏（已抢救）、不存在、磁盘已满或只读；130 被中断。</translation>
    </message>
    <message>
        <source>only datapoints queued for this endpoint (they are never re-addressed)</source>
        <translation>只发送排队发往此接入地址的数据点（不会改发到其他地址）</translation>
    </message>
    <message>
        <source>only datapoints queued for this device id</source>
        <translation>只发送排队发往此设备 ID 的数据点</translation>
    </message>
    <message>
        <source>datapoints per request at most (default %(default)s)</source>
        <translation>每个请求最多的数据点数（默认 %(default)s）</translation>
    </message>
    <message>
        <source>body bytes per request at most (default %(default)s)</source>
        <translation>每个请求的请求体最多字节数（默认 %(default)s）</translation>
    </message>
    <message>
        <source>seconds per attempt: connect, send and the whole answer</source>
        <translation>每次尝试的秒数：包括连接、发送和接收完整应答</translation>
    </message>
    <message>
        <source>attempts per request (default 5)</source>
        <translation>每个请求的尝试次数（默认 5）</translation>
    </message>
    <message>
        <source>also resend unknown datapoints without an explicit `at` (the platform may store them twice)</source>
        <translation>同时重发结果未知且没有明确 `at` 的数据点（平台可能会存储两次）</translation>
    </message>
    <message>
        <source>also send the datapoints the platform refused before (after fixing the cause: the key, the device)</source>
        <translation>同时发送之前被平台拒绝的数据点（请先修正原因：密钥、设备）</translation>
    </message>
    <message>
        <source>log request bodies too (the api-key never)</source>
        <translation>日志中也记录请求体（绝不记录 API Key）</translation>
    </message>
    <message>
        <source>The outbox is empty (no database yet at {path}).</source>
        <translation>发件箱是空的（{path} 处尚无数据库）。</translation>
    </message>
    <message>
        <source>Outbox {path}</source>
        <translation>发件箱 {path}</translation>
    </message>
    <message>
        <source>  (in_flight: being sent now, or left by a program that stopped; the next send resends them)</source>
        <translation>  （in_flight：正在发送，或由中途停止的程序遗留；下次发送时会重发）</translation>
    </message>
    <message>
        <source>… {n} more (--limit 0 lists all)</source>
        <translation>……另有 {n} 行（--limit 0 列出全部）</translation>
    </message>
    <message>
        <source>outbox send: {why}</source>
        <translation>outbox send：{why}</translation>
    </message>
    <message>
        <source>no api-key for device {device}: set ${env} or save the key in the window</source>
        <translation>设备 {device} 没有 API Key：请设置 ${env}，或在窗口中保存密钥</translation>
    </message>
    <message>
        <source>  request {k} attempt {number}: {why}; retrying in {s:.1f} s</source>
        <translation>  第 {k} 个请求第 {number} 次尝试：{why}；{s:.1f} 秒后重试</translation>
    </message>
    <message>
        <source>Interrupted. What was not sent stays in the outbox; `outbox send` sends it.</source>
        <translation>已中断。未发送的内容留在发件箱中；`outbox send` 可发送它们。</translation>
    </message>
    <message>
        <source> for {endpoint}</source>
        <translation>（接入地址 {endpoint}）</translation>
    </message>
    <message>
        <source> for device {device}</source>
        <translation>（设备 {device}）</translation>
    </message>
    <message>
        <source>Nothing to send: the outbox has no unsent or unknown datapoints{narrowed}.</source>
        <translation>没有要发送的内容：发件箱中没有未发送或结果未知的数据点{narrowed}。</translation>
    </message>
    <message>
        <source>warning: {warning}</source>
        <translation>警告：{warning}</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Log: {path}</source>
        <translation>日志：{path}</translation>
    </message>
    <message>
        <source>{option} must be at least 1, not {value}</source>
        <extracomment>The api-key is read from this environment variable only, never from the command line (a command line is visible to other users and kept in shell history). Shown in --dry-run output instead of the api-key.</extracomment>
        <translation>{option} 必须至少为 1，不能为 {value}</translation>
    </message>
    <message>
        <source>--max-bytes must be at least {n}, not {value}</source>
        <translation>--max-bytes 必须至少为 {n}，不能为 {value}</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds above 0, not {value}</source>
        <translation>--timeout 必须是大于 0 的秒数，不能为 {value}</translation>
    </message>
    <message>
        <source>{command}: {why}</source>
        <translation>{command}：{why}</translation>
    </message>
    <message>
        <source>Stopping after the request on the wire (Ctrl+C again to abort at once)…</source>
        <translation>当前请求完成后停止（再按一次 Ctrl+C 立即中止）…</translation>
    </message>
    <message>
        <source>read sent datapoints back from the platform and compare: a file, a request body or the last upload</source>
        <extracomment>`verify` exits 1 when something is missing or different, 3 when the platform could not be read.</extracomment>
        <translation>从平台回读已发送的数据点并比对：一个文件、一个请求体或最近一次上传</translation>
    </message>
    <message>
        <source>Read datapoints back from the platform (GET /devices/{id}/datapoints, per datastream over the sent time range) and compare with what was sent: each datapoint is found, missing, different, overwritten (a later one had the same at) or unverifiable (sent without at). What was sent is one of: a file of readings, imported as `send` imports it (FILE); a request body as sent (--body FILE); or the last upload this computer made, from the outbox&apos;s history (--last: its endpoint and device come from there). The api-key is read from the environment variable ONENET_API_KEY, else from the OS keyring entry the window saved for the device.</source>
        <translation>从平台回读数据点（GET /devices/{id}/datapoints，按数据流读取发送时间范围内的数据），并与发送的内容比对：每个数据点的结果为找到、缺失、不一致、已被覆盖（之后有相同 at 的数据点）或无法核对（发送时不带 at）。发送的内容可以是：读数文件，按 `send` 的方式导入（FILE）；按原样发送的请求体（--body FILE）；或本机最近一次上传，取自发件箱历史（--last：接入地址和设备也取自历史）。API Key 从环境变量 ONENET_API_KEY 读取，未设置时从窗口为该设备保存在系统密钥环中的条目读取。</translation>
    </message>
    <message>
        <source>Exit status: 0 every checkable datapoint found; 1 something missing or different (with --strict also: something unverifiable); 2 bad arguments, file, body or api-key, a question to answer (--source-tz for times whose zone FILE does not state, --date-order), or nothing to verify; 3 the platform could not be read; 4 the outbox database is damaged (salvaged), gone, full or read-only.</source>
        <translation>退出码：0 所有可核对的数据点都已找到；1 有缺失或不一致（使用 --strict 时：还包括无法核对的）；2 参数、文件、请求体或 API Key 有误，有问题需要回答（FILE 未注明时区的时间需要 --source-tz，以及 --date-order），或没有可核对的内容；3 无法读取平台数据；4 发件箱数据库已损坏（已抢救）、不存在、磁盘已满或只读。</translation>
    </message>
    <message>
        <source>a file of readings (CSV/TSV/TXT, XLSX, JSON)</source>
        <translation>读数文件（CSV/TSV/TXT、XLSX、JSON）</translation>
    </message>
    <message>
        <source>a request body as it was sent</source>
        <translation>按原样发送的请求体</translation>
    </message>
    <message>
        <source>the last upload (one Send or `outbox send`) from the outbox&apos;s history</source>
        <translation>发件箱历史中的最近一次上传（一次“发送”或 `outbox send`）</translation>
    </message>
    <message>
        <source>with --body: the body&apos;s format, the ?type= of the upload (default 1)</source>
        <translation>与 --body 一起使用：请求体的格式，即上传时的 ?type=（默认 1）</translation>
    </message>
    <message>
        <source>device id (required unless --last; with --last: narrows)</source>
        <translation>设备 ID（除非使用 --last，否则必填；与 --last 一起使用时用于筛选）</translation>
    </message>
    <message>
        <source>API endpoint (default https://api.heclouds.com; with --last: from the history)</source>
        <translation>API 接入地址（默认 https://api.heclouds.com；使用 --last 时取自历史记录）</translation>
    </message>
    <message>
        <source>seconds to wait per request</source>
        <translation>每个请求的等待秒数</translation>
    </message>
    <message>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>datastream</source>
        <translation>数据流</translation>
    </message>
    <message>
        <source>at (UTC+8)</source>
        <translation>at（UTC+8）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>endpoint</source>
        <translation>接入地址</translation>
    </message>
    <message>
        <source>(platform time)</source>
        <translation>（平台时间）</translation>
    </message>
    <message>
        <source>exit 1 also when a datapoint cannot be verified (sent without at)</source>
        <translation>有数据点无法核对（发送时不带 at）时也以退出码 1 退出</translation>
    </message>
    <message>
        <source>list every datapoint, not only problems</source>
        <translation>列出所有数据点，而不只是有问题的</translation>
    </message>
    <message>
        <source>reading FILE (as `send` reads it)</source>
        <translation>读取 FILE（与 `send` 的读取方式相同）</translation>
    </message>
    <message>
        <source>no upload to device {device} in the outbox&apos;s history</source>
        <translation>发件箱的历史记录中没有发往设备 {device} 的上传</translation>
    </message>
    <message>
        <source>no upload in the outbox&apos;s history</source>
        <translation>发件箱的历史记录中没有上传</translation>
    </message>
    <message>
        <source>none of the last upload&apos;s {requests} reached the platform: nothing to verify</source>
        <translation>最近一次上传的 {requests}都没有到达平台：没有可核对的内容</translation>
    </message>
    <message>
        <source>a stored body of the last upload cannot be read back: {why}</source>
        <translation>最近一次上传保存的请求体无法读取：{why}</translation>
    </message>
    <message>
        <source>the last upload ({time} UTC): {requests}</source>
        <translation>最近一次上传（{time} UTC）：{requests}</translation>
    </message>
    <message>
        <source>, {n} of unknown outcome</source>
        <translation>，其中 {n} 个结果未知</translation>
    </message>
    <message>
        <source>--device ID is required (unless --last)</source>
        <translation>需要 --device ID（除非使用 --last）</translation>
    </message>
    <message>
        <source>cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <source>{path} is not a type {type} body: {why}</source>
        <translation>{path} 不是 type={type} 的请求体：{why}</translation>
    </message>
    <message>
        <source>the time column says {zone} ({choices}): pass --source-tz</source>
        <translation>时间列写的是 {zone}（{choices}）：请指定 --source-tz</translation>
    </message>
    <message>
        <source>{path}: no datapoints to verify</source>
        <translation>{path}：没有要核对的数据点</translation>
    </message>
    <message>
        <source>(no at)</source>
        <translation>（无 at）</translation>
    </message>
    <message>
        <source>sent {value}</source>
        <translation>发送值 {value}</translation>
    </message>
    <message>
        <source>platform {value}</source>
        <translation>平台值 {value}</translation>
    </message>
    <message>
        <source>  ({note})</source>
        <translation>  （{note}）</translation>
    </message>
    <message>
        <source>verify: --profile names the target: leave out --device and --endpoint</source>
        <translation>verify：--profile 已指定目标，请去掉 --device 和 --endpoint</translation>
    </message>
    <message>
        <source>verify: a thing-model profile verifies a FILE of readings (not --last or --body)</source>
        <translation>verify：物模型设备配置只能核对读数文件 FILE（不能用 --last 或 --body）</translation>
    </message>
    <message>
        <source>verify: {why}</source>
        <translation>verify：{why}</translation>
    </message>
    <message>
        <source>reading {stream}: {points}, {requests}</source>
        <translation>正在读取 {stream}：{points}，{requests}</translation>
    </message>
    <message>
        <source>verify: no api-key for device {device}: set the environment variable {env} (or save the key in the window)</source>
        <translation>verify：设备 {device} 没有 API Key：请设置环境变量 {env}（或在窗口中保存密钥）</translation>
    </message>
    <message>
        <source>{source} to device {device} at {url}</source>
        <translation>{source}，发往 {url} 的设备 {device}</translation>
    </message>
    <message>
        <source>verify: could not read {url} back: {why}</source>
        <translation>verify：无法从 {url} 回读：{why}</translation>
    </message>
    <message>
        <source>verify: interrupted</source>
        <translation>verify：已中断</translation>
    </message>
    <message>
        <source>{points} read back from {url} in {requests}</source>
        <translation>已从 {url} 回读 {points}，共 {requests}</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>the device id (required unless --dry-run or --profile)</source>
        <translation>设备 ID（除非使用 --dry-run 或 --profile，否则必填）</translation>
    </message>
    <message>
        <source>default: https://api.heclouds.com</source>
        <translation>默认：https://api.heclouds.com</translation>
    </message>
    <message>
        <source>print the requests instead of sending them</source>
        <translation>只打印请求，不发送</translation>
    </message>
    <message>
        <source>send although validation warned (a duplicate at, a time far off, a large value), as the window&apos;s Send anyway does</source>
        <translation>即使校验给出警告（at 重复、时间偏差过大、值过大）也发送，与窗口中的“仍然发送”相同</translation>
    </message>
    <message>
        <source>send the other rows when some cannot be read (exit 0)</source>
        <translation>有些行无法识别时仍发送其余的行（退出码 0）</translation>
    </message>
    <message>
        <source>queue the file&apos;s datapoints although this file was queued to this device before (they wait in the outbox or were sent): without `at` the platform stores them twice</source>
        <translation>即使此文件之前已排队发往此设备（数据点在发件箱中等待或已发送），仍将其数据点排入队列：不带 `at` 的数据点平台会存储两次</translation>
    </message>
    <message>
        <source>body format (default 1)</source>
        <translation>请求体格式（默认 1）</translation>
    </message>
    <message>
        <source>the zone the file&apos;s times were written in: an IANA name (Europe/Berlin), UTC+8, or local for this computer&apos;s; needed when the file does not state it (a zone in the times or the time column&apos;s header is used otherwise)</source>
        <extracomment>Problems printed before &quot;… and N more&quot;.</extracomment>
        <translation>文件中时间所用的时区：IANA 名称（Asia/Shanghai）、UTC+8，或 local 表示本机时区；文件未注明时区时必须指定（否则使用时间中或时间列表头中注明的时区）</translation>
    </message>
    <message>
        <source>a cell text meaning &apos;no reading&apos; (repeatable), e.g. --na NA --na -200 --na ---; empty cells always are</source>
        <translation>表示“无读数”的单元格文字（可重复指定），例如 --na NA --na -200 --na ---；空单元格总是视为无读数</translation>
    </message>
    <message>
        <source>the file&apos;s encoding, e.g. gb18030, utf-8, cp1252 (default: detect)</source>
        <translation>文件的编码，例如 gb18030、utf-8、cp1252（默认：自动识别）</translation>
    </message>
    <message>
        <source>the cell delimiter: , ; tab | (default: detect)</source>
        <translation>单元格分隔符：, ; tab |（默认：自动识别）</translation>
    </message>
    <message>
        <source>default: detect</source>
        <translation>默认：自动识别</translation>
    </message>
    <message>
        <source>the decimal mark, . or , (default: detect per column)</source>
        <translation>小数点，. 或 ,（默认：逐列自动识别）</translation>
    </message>
    <message>
        <source>the header is line N of the file (default: detect; 0: none)</source>
        <translation>表头位于文件第 N 行（默认：自动识别；0：没有表头）</translation>
    </message>
    <message>
        <source>how the time column is written, as a strftime pattern, e.g. &apos;%%d.%%m.%%Y %%H:%%M&apos; (overrides detection; cells that do not match are rejected)</source>
        <translation>时间列的写法，用 strftime 格式表示，例如 &apos;%%d.%%m.%%Y %%H:%%M&apos;（优先于自动识别；不匹配的单元格会被拒绝）</translation>
    </message>
    <message>
        <source>the time column, by name or 1-based number</source>
        <translation>时间列，用列名或从 1 开始的列号指定</translation>
    </message>
    <message>
        <source>import only these columns (names or 1-based numbers, comma-separated; repeatable)</source>
        <translation>只导入这些列（列名或从 1 开始的列号，用逗号分隔；可重复指定）</translation>
    </message>
    <message>
        <source>do not import these columns (names or 1-based numbers, comma-separated; repeatable)</source>
        <translation>不导入这些列（列名或从 1 开始的列号，用逗号分隔；可重复指定）</translation>
    </message>
    <message>
        <source>read these columns as text, numbers too (names or 1-based numbers, comma-separated; repeatable); default: a column holding any number is numbers, its other cells rejected</source>
        <translation>将这些列按文本读取，数字也作为文本（列名或从 1 开始的列号，逗号分隔；可重复）；默认：含有任何数字的列按数字读取，其余单元格被拒绝</translation>
    </message>
    <message>
        <source>read these columns as numbers (names or 1-based numbers, comma-separated; repeatable); default: a column whose numbers are written with leading zeros (0012) is text, as identifiers and codes are</source>
        <translation>将这些列按数字读取（列名或从 1 开始的列号，逗号分隔；可重复）；默认：数字带前导零（0012）的列按文本读取，如同编号和代码</translation>
    </message>
    <message>
        <source>send column OLD (name, number or suggested id; long layout: a datastream id in the file) as datastream NEW (repeatable)</source>
        <translation>将列 OLD（列名、列号或建议的 ID；长表布局：文件中的数据流 ID）作为数据流 NEW 发送（可重复指定）</translation>
    </message>
    <message>
        <source>{text} is not a date written YYYY-MM-DD, e.g. 2026-12-07</source>
        <translation>{text} 不是 YYYY-MM-DD 格式的日期（例如 2026-12-07）</translation>
    </message>
    <message>
        <source>column {column} holds times of day only and the file gives no date: pass --date YYYY-MM-DD, the date of the first row (a time earlier than the row before it is read as the next day)</source>
        <translation>列 {column} 只有时刻，文件中没有日期：请用 --date YYYY-MM-DD 指定第一行的日期（某个时刻早于上一行时，读作下一天）</translation>
    </message>
    <message>
        <source>{why} (or local: this computer&apos;s zone)</source>
        <extracomment>`--source-tz local`: this computer&apos;s zone, chosen explicitly.</extracomment>
        <translation>{why}（或用 local 表示本机时区）</translation>
    </message>
    <message>
        <source>{reading} with --date-order {order}</source>
        <translation>使用 --date-order {order} 时为 {reading}</translation>
    </message>
    <message>
        <source>dates like {examples} can be read in more than one order ({first} is {ways}): pass --date-order {values}, the order they were written in</source>
        <translation>{examples} 这样的日期可按不止一种顺序读取（{first} 可读作 {ways}）：请用 --date-order {values} 指定记录时所用的顺序</translation>
    </message>
    <message>
        <source>column {names}</source>
        <translation>列 {names}</translation>
    </message>
    <message>
        <source>columns {names}</source>
        <translation>列 {names}</translation>
    </message>
    <message>
        <source>the times in {which} do not say which time zone they are in, and the file does not say either: pass --source-tz ZONE with the zone they were written in, e.g. --source-tz {here} (this computer&apos;s zone; --source-tz {local} means the same), --source-tz UTC or --source-tz Europe/Berlin</source>
        <translation>{which} 中的时间没有注明时区，文件中也没有注明：请用 --source-tz ZONE 指定记录这些时间所用的时区，例如 --source-tz {here}（本机时区；--source-tz {local} 含义相同）、--source-tz UTC 或 --source-tz Asia/Shanghai</translation>
    </message>
    <message>
        <source>read {path}:</source>
        <translation>读取 {path}：</translation>
    </message>
    <message>
        <source>a zone in each time</source>
        <translation>每个时间自带的时区</translation>
    </message>
    <message>
        <source>  note: column {column} states {states}; --source-tz {zone} applies only to times without a zone</source>
        <translation>  注意：列 {column} 注明了 {states}；--source-tz {zone} 只用于未注明时区的时间</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the XLSX sheet, hidden or not (default: the sheet the workbook opens on, else the first visible one; never a hidden one)</source>
        <translation>XLSX 工作表，隐藏的也可以（默认：工作簿打开时显示的工作表，否则为第一个可见的工作表；从不默认读取隐藏的工作表）</translation>
    </message>
    <message>
        <source>for dates like 04/11/2026: dmy = 4 November, mdy = April 11; with a two-digit year, ymd = 26-12-07 is 7 December 2026 (default: from the data; asked when more than one order fits every date)</source>
        <translation>用于 04/11/2026 这类日期：dmy = 11 月 4 日，mdy = 4 月 11 日；年份为两位时，ymd = 26-12-07 是 2026 年 12 月 7 日（默认：根据数据判断；不止一种顺序适合所有日期时会询问）</translation>
    </message>
    <message>
        <source>for a file of times of day without any date (08:30:00): the date of its first row; a time earlier than the row before it starts the next day (without it such a file is refused, exit 2)</source>
        <translation>用于只有时刻、没有任何日期的文件（08:30:00）：第一行的日期；某个时刻早于上一行时，从该行起为下一天（未指定时此类文件会被拒绝，退出码 2）</translation>
    </message>
    <message>
        <source>{stream} ({n})</source>
        <translation>{stream}（{n}）</translation>
    </message>
    <message>
        <source>  {points} from {rows} ({counts}); {rejected} rejected</source>
        <translation>  {points}，来自 {rows}（{counts}）；{rejected}被拒绝</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>, {column}</source>
        <translation>，{column}</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>  {kind}: {where}: {why}</source>
        <translation>  {kind}：{where}：{why}</translation>
    </message>
    <message>
        <source>send: no api-key saved for profile {name}: save it in the window, or set {env}</source>
        <translation>send：设备配置 {name} 没有保存 API Key：请在窗口中保存，或设置 {env}</translation>
    </message>
    <message>
        <source>send: set the environment variable {env} to the device&apos;s api-key (it is never read from the command line), or use --dry-run</source>
        <translation>send：请将环境变量 {env} 设为设备的 API Key（绝不从命令行读取），或使用 --dry-run</translation>
    </message>
    <message>
        <source>send: --device ID is required to send (a dry run shows DEVICE_ID)</source>
        <translation>send：发送时必须指定 --device ID（试运行时显示为 DEVICE_ID）</translation>
    </message>
    <message>
        <source>send: {file}: {why}</source>
        <translation>send：{file}：{why}</translation>
    </message>
    <message>
        <source>at on the wire: Unix milliseconds (UTC)</source>
        <translation>请求中的 at：Unix 毫秒（UTC）</translation>
    </message>
    <message>
        <source>at on the wire: platform time, UTC+8</source>
        <translation>请求中的 at：平台时间（UTC+8）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>send: no time column was understood in {file}: nothing sent. Name it with --time-column (and --time-format &apos;%d.%m.%Y %H:%M&apos; if it is written another way), or pass --missing-time now to stamp every row with the time of sending (or platform: the platform stamps each on arrival)</source>
        <translation>send：在 {file} 中没有识别出时间列：未发送任何内容。请用 --time-column 指明时间列（如果写法特殊，再加 --time-format &apos;%d.%m.%Y %H:%M&apos;），或用 --missing-time now 以发送时间作为每一行的时间（或 platform：由平台在到达时打时间戳）</translation>
    </message>
    <message>
        <source>send: {rows} cannot be read: nothing sent (fix them, or --skip-rejected)</source>
        <translation>send：{rows}无法识别：未发送任何内容（请修正，或使用 --skip-rejected）</translation>
    </message>
    <message>
        <source>send: no datapoints to send</source>
        <translation>send：没有要发送的数据点</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>send: {why}</source>
        <translation>send：{why}</translation>
    </message>
    <message>
        <source>send: the datapoints have errors (listed above): nothing sent</source>
        <translation>send：数据点有错误（见上方）：未发送任何内容</translation>
    </message>
    <message>
        <source>send: some times are far from the rest or in the future (listed above): nothing sent. Check them, then pass --send-anyway to send as they are</source>
        <translation>send：有些时间与其余时间相差很远或在将来（见上方）：未发送任何内容。请检查后使用 --send-anyway 按原样发送</translation>
    </message>
    <message>
        <source>send: the datapoints have warnings (listed above; an overwritten datapoint is lost on the platform): nothing sent. Check them, then pass --send-anyway to send as they are</source>
        <translation>send：数据点有警告（见上方；被覆盖的数据点在平台上会丢失）：未发送任何内容。请检查后使用 --send-anyway 按原样发送</translation>
    </message>
    <message>
        <source>send: {rows} of {file} rejected (listed above): not sent</source>
        <translation>send：{file} 中有 {rows}被拒绝（见上方）：未发送</translation>
    </message>
    <message>
        <source>dry run: {points} in {requests}, {size} bytes of body; nothing sent</source>
        <translation>试运行：{points}，{requests}，请求体共 {size} 字节；未发送任何内容</translation>
    </message>
    <message>
        <source>{points} wait in the outbox (`onenet-uploader outbox send` sends them)</source>
        <translation>{points}在发件箱中等待（`onenet-uploader outbox send` 可发送）</translation>
    </message>
    <message>
        <source>{points} may have been stored (outcome unknown; `outbox send --allow-duplicates` resends them)</source>
        <translation>{points}可能已被存储（结果未知；`outbox send --allow-duplicates` 可重发）</translation>
    </message>
    <message>
        <source>{points} were refused by the platform (`outbox send --retry-failed` resends them)</source>
        <translation>{points}被平台拒绝（`outbox send --retry-failed` 可重发）</translation>
    </message>
    <message>
        <source>{points} were sent</source>
        <translation>{points}已发送</translation>
    </message>
    <message>
        <source>send: {path} was queued to this device before: {parts}. They are not queued again; --again queues them anew (datapoints without `at` would be stored twice).</source>
        <translation>send：{path} 之前已排队发往此设备：{parts}。不会再次排队；--again 可重新排队（不带 `at` 的数据点会被存储两次）。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source> It may have been stored; its datapoints have no `at`, so a copy would be stored twice: `onenet-uploader outbox send` holds them back. Check the platform (`onenet-uploader verify --last`); if they are missing, `outbox send --allow-duplicates` sends them again.</source>
        <translation>它可能已被存储；其数据点没有 `at`，再发一份会被存储两次：`onenet-uploader outbox send` 会扣下它们。请先检查平台（`onenet-uploader verify --last`）；若确实缺失，`outbox send --allow-duplicates` 会再次发送。</translation>
    </message>
    <message>
        <source> It may have been stored; `onenet-uploader outbox send` sends again those with `at` and holds back the {points} without (a copy would be stored twice): check the platform (`onenet-uploader verify --last`), then `outbox send --allow-duplicates` sends those too.</source>
        <translation>它可能已被存储；`onenet-uploader outbox send` 会再次发送带 `at` 的数据点，并扣下没有 `at` 的 {points}（再发一份会被存储两次）：请先检查平台（`onenet-uploader verify --last`），之后 `outbox send --allow-duplicates` 也会发送它们。</translation>
    </message>
    <message>
        <source>  attempt {number} failed: {why}; retrying in {s:.1f} s</source>
        <translation>  第 {number} 次尝试失败：{why}；{s:.1f} 秒后重试</translation>
    </message>
    <message>
        <source>send: {why}: nothing queued, nothing sent</source>
        <translation>send：{why}：未排队，也未发送</translation>
    </message>
    <message>
        <source>request {k}/{n} ({size} bytes)</source>
        <translation>第 {k}/{n} 个请求（{size} 字节）</translation>
    </message>
    <message>
        <source>OUTCOME UNKNOWN</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>NOT DELIVERED</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source> It may have been stored; `onenet-uploader outbox send` sends it again.</source>
        <translation>它可能已被存储；`onenet-uploader outbox send` 会再次发送。</translation>
    </message>
    <message>
        <source>The api-key is read from the environment variable ONENET_API_KEY, never from the command line.
Defaults are the import dialog&apos;s: the columns detection proposes (row indexes, labels and
event markers are left out, with the reason), suggested datastream ids, detected encoding,
delimiter, header row, layout, time column and time format. The zone of the times is
the file&apos;s: an offset or Z/UTC in each time, Unix times (UTC), or a zone in the time
column&apos;s header. Times whose zone the file does not state are refused (exit 2) unless
--source-tz names the zone they were written in (--source-tz local: this computer&apos;s);
it is never assumed. A file in which no time column is understood is refused (exit 3)
unless --time-column/--time-format name it or --missing-time says what rows without a
time get. Missing-value markers that start with &apos;-&apos; are given as --na=--- or --na ---.

exit status (--dry-run exits as the send would, for the same file and options):
  0  everything sent (or, with --dry-run, every request printed) and nothing rejected
  1  a request failed (errno not 0, HTTP or network error), a datapoint is invalid, or
     validation warned (e.g. two datapoints of a stream with the same at: the platform keeps
     one) and --send-anyway was not given
  2  bad arguments, no ONENET_API_KEY, a file that cannot be read, or a question to answer
     (--date-order for dates like 04/11/2026 or 26-12-07; --date for times of day without
     a date; --source-tz for times whose zone the file does not state, or for a header
     that says CST, or CET/EST over summer dates)
  2  also: this file was queued to this device before (its datapoints wait in the outbox or
     were sent): nothing queued again; --again queues them anew
  3  some rows cannot be read (an empty time cell, a wall-clock time that happens twice at
     the end of summer time, ...): they are listed and nothing is sent; --skip-rejected sends
     the other rows (exit 0 if they are stored); or no time column was understood and
     --missing-time was not given: nothing is sent
  4  the outbox database cannot be used as it is: damaged (moved aside, what was readable
     saved into a new one), gone or emptied since it held data, disk full or read-only
</source>
        <extracomment>The device id a dry run shows when --device is not given. The key a dry run signs its stand-in tokens with when no key is at hand (the token is masked anyway).</extracomment>
        <translation>API Key 只从环境变量 ONENET_API_KEY 读取，绝不从命令行读取。
默认设置与导入对话框相同：采用自动识别建议的列（行号、标签和事件标记列会被排除，
并说明原因）、建议的数据流 ID，以及识别出的编码、分隔符、表头行、布局、时间列和
时间格式。时间的时区以文件为准：每个时间中的偏移或 Z/UTC、Unix 时间（UTC），
或时间列表头中注明的时区。文件未注明时区的时间会被拒绝（退出码 2），除非用
--source-tz 指明记录时所用的时区（--source-tz local：本机时区）；程序从不自行假定。
没有识别出时间列的文件会被拒绝（退出码 3），除非用 --time-column/--time-format
指明时间列，或用 --missing-time 说明没有时间的行如何处理。以 &apos;-&apos; 开头的缺失值
标记请写成 --na=--- 或 --na ---。

退出码（--dry-run 的退出码与同一文件、同样选项下的实际发送相同）：
  0  全部已发送（使用 --dry-run 时：所有请求均已打印），且没有任何内容被拒绝
  1  某个请求失败（errno 非 0、HTTP 或网络错误）、某个数据点无效，或者校验给出
     警告（例如同一数据流中两个数据点的 at 相同：平台只保留一个）而未指定
     --send-anyway
  2  参数错误、没有 ONENET_API_KEY、文件无法读取，或有问题需要回答
     （04/11/2026 或 26-12-07 这类日期需要 --date-order；只有时刻而没有日期时
     需要 --date；文件未注明时区的时间、表头写着 CST，或表头写着 CET/EST 而
     日期处于夏令时，需要 --source-tz）
  2  另外：此文件之前已排队发往此设备（其数据点在发件箱中等待或已发送）：
     不会再次排队；--again 可重新排队
  3  有些行无法识别（时间单元格为空、夏令时结束时出现两次的时钟时间……）：会列出
     这些行，且不发送任何内容；--skip-rejected 会发送其余的行（存储成功则退出码
     为 0）；或者没有识别出时间列且未指定 --missing-time：不发送任何内容
  4  发件箱数据库无法按原样使用：已损坏（已移至别处，可读部分已存入新库）、
     曾有数据后被删除或清空、磁盘已满或只读
</translation>
    </message>
    <message>
        <source>rows without a time: now (stamp each with the time of the import), platform (send without at: the platform stamps each on arrival), refuse; default: a file with no time column is refused (exit 3), and so is a row whose time cell is empty (a rejected row, exit 3; OneNET bodies: platform)</source>
        <translation>没有时间的行：now（以导入时间为每行的时间）、platform（不带 at 发送：平台按到达时间记录）、refuse（拒绝）；默认：没有时间列的文件会被拒绝（退出码 3），时间单元格为空的行也会被拒绝（被拒绝的行，退出码 3；OneNET 请求体：platform）</translation>
    </message>
    <message>
        <source>send: the time column says {text}, which can mean {choices}: pass --source-tz with the zone the times were written in</source>
        <translation>send：时间列写的是 {text}，它可能表示 {choices}：请用 --source-tz 指定记录这些时间所用的时区</translation>
    </message>
    <message>
        <source> Its datapoints wait in the outbox: `onenet-uploader outbox send` sends them.</source>
        <translation>其数据点在发件箱中等待：`onenet-uploader outbox send` 可发送。</translation>
    </message>
    <message>
        <source>sent {points} in {requests} to {url}</source>
        <translation>已将 {points}分 {requests}发送到 {url}</translation>
    </message>
    <message>
        <source>values of a stream (STREAM=SPEC, --stream once per stream):
  temp=21.5              the same value every tick (fixed:21.5 too; text is allowed)
  mode=list:eco,boost    the values in turn
  temp=file:values.txt   the file&apos;s values in turn, one a line (UTF-8, blank lines skipped), starting
                         over after the last line; all of the first value&apos;s kind (number, JSON object
                         or text): a line that is not is refused, naming the line
  temp=walk:20..25       a random walk within the bounds (walk:20..25/0.5: steps of at most 0.5)
  temp=sine:20..25/60s   a sine between the bounds, period 60 s (default)
  n=ramp:0..100/5        from 0 up by 5 each tick, back to 0 after 100

The api-key is read from $ONENET_API_KEY only. Every datapoint carries `at` = the
moment of its tick (--no-at: the platform stamps it). Ctrl+C stops; what was not
sent waits in the outbox (`onenet-uploader outbox send`).

exit status: 0 all sent; 1 some datapoints still wait in the outbox; 2 bad arguments; 4 the outbox database
cannot be used
</source>
        <translation>数据流的取值（数据流=规则，每个数据流用一次 --stream）：
  temp=21.5              每次都发送同一个值（也可写 fixed:21.5；允许文本）
  mode=list:eco,boost    依次取这些值
  temp=file:values.txt   依次取文件中的值，每行一个（UTF-8，跳过空行），取完最后一行后
                         从头开始；所有值的类型须与第一个值相同（数值、JSON 对象或文本）：
                         不符的行会被拒绝，并指出是哪一行
  temp=walk:20..25       在范围内随机游走（walk:20..25/0.5：每步最多 0.5）
  temp=sine:20..25/60s   在范围内按正弦变化，周期 60 秒（默认）
  n=ramp:0..100/5        从 0 开始每次加 5，到 100 后回到 0

API Key 只从 $ONENET_API_KEY 读取。每个数据点都带 `at` = 该次生成的时刻
（--no-at：由平台打时间戳）。按 Ctrl+C 停止；未发送的数据点在发件箱中等待
（`onenet-uploader outbox send`）。

退出码：0 全部已发送；1 仍有数据点在发件箱中等待；2 参数错误；4 发件箱数据库
无法使用
</translation>
    </message>
    <message>
        <source>send generated datapoints every N seconds, as a device would</source>
        <translation>像设备一样每隔 N 秒发送生成的数据点</translation>
    </message>
    <message>
        <source>Simulate a device: generate values per datastream and send them on a schedule, through the outbox (nothing is lost when offline).</source>
        <translation>模拟设备：按数据流生成数值并定时发送，经由发件箱（离线时不会丢失数据）。</translation>
    </message>
    <message>
        <source>see below</source>
        <translation>见下文</translation>
    </message>
    <message>
        <source>time between ticks: 1s, 500ms, 2m (default 1s)</source>
        <translation>两次发送之间的间隔：1s、500ms、2m（默认 1s）</translation>
    </message>
    <message>
        <source>number of ticks (default: until Ctrl+C)</source>
        <translation>发送次数（默认：直到按下 Ctrl+C）</translation>
    </message>
    <message>
        <source>platform URL (default %(default)s)</source>
        <translation>平台 URL（默认 %(default)s）</translation>
    </message>
    <message>
        <source>device id</source>
        <translation>设备 ID</translation>
    </message>
    <message>
        <source>send no `at`: the platform stamps each datapoint</source>
        <translation>不发送 `at`：由平台为每个数据点打时间戳</translation>
    </message>
    <message>
        <source>seconds to wait for each answer (default 10)</source>
        <translation>每个应答的等待秒数（默认 10）</translation>
    </message>
    <message>
        <source>seed of the random walks (repeatable runs)</source>
        <translation>随机游走的种子（可重现运行结果）</translation>
    </message>
    <message>
        <source>set the environment variable ONENET_API_KEY to the device&apos;s api-key</source>
        <translation>请将环境变量 ONENET_API_KEY 设为设备的 API Key</translation>
    </message>
    <message>
        <source>--count must be at least 1</source>
        <translation>--count 至少为 1</translation>
    </message>
    <message>
        <source>simulate: {why}</source>
        <translation>simulate：{why}</translation>
    </message>
    <message>
        <source>sent {n}</source>
        <translation>已发送 {n} 个</translation>
    </message>
    <message>
        <source>not sent ({why}); {points} wait in the outbox</source>
        <translation>未发送（{why}）；{points}在发件箱中等待</translation>
    </message>
    <message>
        <source>{ticks} to device {device} at {url}; {points} wait in the outbox</source>
        <translation>向 {url} 的设备 {device} 发送了 {ticks}；{points}在发件箱中等待</translation>
    </message>
    <message>
        <source>The key is read from the environment variable ONENET_KEY, never from the command line:
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
        <translation>密钥只从环境变量 ONENET_KEY 读取，绝不从命令行读取：指定 --device 时为设备密钥，
否则为产品的 access_key，与 OneNET 控制台显示的一致（base64 文本）。

--expires 时间：从现在起的时长（90s、30m、12h、365d、5y），本机时区的日期或时间
（2027-06-30、2027-06-30 18:00；+08:00 这样的偏移按原样使用），或 Unix 秒数
（1893456000）。默认 1h。平台会拒绝已过期的 token：写入固件的 token 必须在固件
使用期间一直有效。

退出码：0 已打印 token；2 参数错误、没有 ONENET_KEY、密钥不是 base64，或过期时间
不在将来
</translation>
    </message>
    <message>
        <source>print a token of the current (thing model) platform for a product or device</source>
        <translation>为产品或设备打印新版（物模型）平台的 token</translation>
    </message>
    <message>
        <source>Make the signed token the current OneNET platform takes (token.exe&apos;s job), for a product or one of its devices.</source>
        <translation>为产品或其某个设备生成新版 OneNET 平台所需的签名 token（即 token.exe 的功能）。</translation>
    </message>
    <message>
        <source>the product id (e.g. DuE2rcXUKn)</source>
        <translation>产品 ID（例如 DuE2rcXUKn）</translation>
    </message>
    <message>
        <source>the device name: the token is the device&apos;s (the key is its device key)</source>
        <translation>设备名称：生成该设备的 token（密钥为其设备密钥）</translation>
    </message>
    <message>
        <source>signature method (default %(default)s)</source>
        <translation>签名算法（默认 %(default)s）</translation>
    </message>
    <message>
        <source>when it expires (default %(default)s)</source>
        <translation>过期时间（默认 %(default)s）</translation>
    </message>
    <message>
        <source>token: set {env} to the device key (it is never taken from the command line)</source>
        <translation>token：请将 {env} 设为设备密钥（绝不从命令行读取）</translation>
    </message>
    <message>
        <source>token: set {env} to the product&apos;s access key (it is never taken from the command line)</source>
        <translation>token：请将 {env} 设为产品的 access_key（绝不从命令行读取）</translation>
    </message>
    <message>
        <source>--expires {expires} is {time}, in the past: the platform refuses an expired token</source>
        <translation>--expires {expires} 为 {time}，已经过去：平台会拒绝已过期的 token</translation>
    </message>
    <message>
        <source>token: {why}</source>
        <translation>token：{why}</translation>
    </message>
    <message>
        <source>token for res={res}, method {method}, valid until {time} (et={et})</source>
        <translation>token：res={res}，签名算法 {method}，有效期至 {time}（et={et}）</translation>
    </message>
    <message>
        <source>address to listen on (default 127.0.0.1, this computer only; ::1 the same over IPv6; 0.0.0.0 (:: for IPv6): every network of this computer, so that a device on the bench can reach it; or one address of this computer (not a link-local IPv6 one, fe80::: a device&apos;s URL cannot carry its zone id))</source>
        <translation>监听地址（默认 127.0.0.1，仅本机；::1 为 IPv6 下的本机；0.0.0.0（IPv6 为 ::）：本机所在的所有网络，实验台上的设备也能访问；或本机的某个地址（不能是 fe80:: 开头的链路本地 IPv6 地址：设备的 URL 无法携带其 zone id））</translation>
    </message>
    <message>
        <source>TCP port (default: a free port)</source>
        <translation>TCP 端口（默认：任一空闲端口）</translation>
    </message>
    <message>
        <source>device id to accept (default %(default)s)</source>
        <translation>接收的设备 ID（默认 %(default)s）</translation>
    </message>
    <message>
        <source>api-key of that device (default %(default)s)</source>
        <translation>该设备的 API Key（默认 %(default)s）</translation>
    </message>
    <message>
        <source>seconds to wait before answering each upload</source>
        <translation>应答每次上传前等待的秒数</translation>
    </message>
    <message>
        <source>answer every Nth upload with HTTP 500 and store nothing (0: never)</source>
        <translation>每第 N 次上传以 HTTP 500 应答且不存储（0：从不）</translation>
    </message>
    <message>
        <source>print each request whole on stderr: its bytes (api-key masked), the answer and the verdict</source>
        <translation>在 stderr 上完整打印每个请求：字节内容（API Key 已遮盖）、应答和判定</translation>
    </message>
    <message>
        <source>append each request, answer and verdict to FILE as one line of JSON (api-key masked)</source>
        <translation>将每个请求、应答和判定以一行 JSON 追加到 FILE（API Key 已遮盖）</translation>
    </message>
    <message>
        <source>Run a local OneNET-compatible server to try uploads without an account.</source>
        <translation>运行与 OneNET 兼容的本地服务器，无需账号即可试验上传。</translation>
    </message>
    <message>
        <source>only datapoints queued for the target of this device profile (saved in the window: either platform; its key from the OS keyring unless the environment gives one)</source>
        <translation>只处理排队发往此设备配置目标的数据点（在窗口中保存，任一平台均可；密钥取自系统密钥环，除非环境变量已提供）</translation>
    </message>
    <message>
        <source>read back from the target of this device profile (saved in the window: either platform; its key from the OS keyring unless the environment gives one)</source>
        <translation>从此设备配置的目标回读（在窗口中保存，任一平台均可；密钥取自系统密钥环，除非环境变量已提供）</translation>
    </message>
    <message>
        <source>send to the target of this device profile (saved in the window: either platform; its key from the OS keyring unless the environment gives one)</source>
        <translation>发送到此设备配置的目标（在窗口中保存，任一平台均可；密钥取自系统密钥环，除非环境变量已提供）</translation>
    </message>
    <message>
        <source>{points} read back from {url} for device {device} of product {product} in {requests}</source>
        <translation>已从 {url} 回读产品 {product} 的设备 {device} 的 {points}，共 {requests}</translation>
    </message>
    <message>
        <source>list, add or delete device profiles (the window&apos;s)</source>
        <extracomment>`profile add` reads a current-platform profile&apos;s product access key from this variable (never the command line).</extracomment>
        <translation>列出、添加或删除设备配置（与窗口共用）</translation>
    </message>
    <message>
        <source>Device profiles name a target of either platform; the window and --profile NAME use them. Keys are read from the environment, never the command line, and kept in the OS keyring under the profile: the api-key from ONENET_API_KEY (legacy), the device key from ONENET_KEY and the product access key from ONENET_ACCESS_KEY (current platform; optional: the thing model and read-back need it).</source>
        <translation>每个设备配置指定一个目标（旧版或新版平台均可）；窗口和 --profile NAME 都使用它们。密钥从环境变量读取，绝不从命令行读取，并按设备配置保存在系统密钥环中：API Key 取自 ONENET_API_KEY（旧版平台），设备密钥取自 ONENET_KEY，产品 access_key 取自 ONENET_ACCESS_KEY（新版平台；可选：读取物模型和回读时需要）。</translation>
    </message>
    <message>
        <source>list the profiles</source>
        <translation>列出设备配置</translation>
    </message>
    <message>
        <source>add (or replace) a profile</source>
        <translation>添加（或替换）设备配置</translation>
    </message>
    <message>
        <source>legacy api-key platform: the device id</source>
        <translation>旧版 API Key 平台：设备 ID</translation>
    </message>
    <message>
        <source>current thing-model platform: the product id</source>
        <translation>新版物模型平台：产品 ID</translation>
    </message>
    <message>
        <source>current platform: the device name (with --product)</source>
        <translation>新版平台：设备名称（与 --product 一起使用）</translation>
    </message>
    <message>
        <source>default: the platform&apos;s (the device side&apos;s for --product)</source>
        <translation>默认：平台的地址（使用 --product 时为设备侧地址）</translation>
    </message>
    <message>
        <source>current platform: thing model and read-back (default: the platform&apos;s)</source>
        <translation>新版平台：物模型和回读所用地址（默认：平台的地址）</translation>
    </message>
    <message>
        <source>delete a profile and its keys</source>
        <translation>删除设备配置及其密钥</translation>
    </message>
    <message>
        <source>profile: --device-name goes with --product (the current platform)</source>
        <translation>profile：--device-name 须与 --product 一起使用（新版平台）</translation>
    </message>
    <message>
        <source>key and access key</source>
        <translation>设备密钥和 access_key</translation>
    </message>
    <message>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>access key</source>
        <translation>access_key</translation>
    </message>
    <message>
        <source>no key saved</source>
        <translation>未保存密钥</translation>
    </message>
    <message>
        <source>{what} in the keyring</source>
        <translation>{what}已保存在系统密钥环中</translation>
    </message>
    <message>
        <source>{what} NOT saved: {why} (set the environment variables when you send instead)</source>
        <translation>{what}未能保存：{why}（请在发送时改用环境变量）</translation>
    </message>
    <message>
        <source>saved {profile} ({kept})</source>
        <translation>已保存 {profile}（{kept}）</translation>
    </message>
    <message>
        <source>deleted profile {name} and its keys</source>
        <translation>已删除设备配置 {name} 及其密钥</translation>
    </message>
    <message>
        <source> [built in: the window&apos;s sandbox]</source>
        <translation> [内置：窗口中的沙盒]</translation>
    </message>
    <message>
        <source>profile: {why}</source>
        <translation>profile：{why}</translation>
    </message>
    <message>
        <source>Exit status: 0 done; 1 nothing matched, or some matching datapoints are being sent now (left alone); 2 usage (an invalid endpoint); 4 the outbox database is damaged (salvaged), gone, full or read-only.</source>
        <extracomment>The states these commands touch: rows not sent yet and not being sent.</extracomment>
        <translation>退出码：0 完成；1 没有匹配的数据点，或有匹配的数据点正在发送（未改动）；2 用法错误（接入地址无效）；4 发件箱数据库已损坏（已抢救）、丢失、已满或只读。</translation>
    </message>
    <message>
        <source>delete datapoints waiting for a target (never sent ones only)</source>
        <translation>删除等待某个目标的数据点（仅限从未发送的）</translation>
    </message>
    <message>
        <source>Delete the outbox&apos;s datapoints waiting for --endpoint (and --device): drafts, unsent, unknown and failed ones, as the window&apos;s Discard does. Asks nothing; prints each datapoint deleted. Datapoints being sent and those sent are left alone.</source>
        <translation>删除发件箱中等待 --endpoint（及 --device）的数据点：草稿、未发送、结果未知和失败的数据点，与窗口的“丢弃”相同。不做询问；逐个打印删除的数据点。正在发送和已发送的数据点不受影响。</translation>
    </message>
    <message>
        <source>give datapoints waiting for a target another endpoint or device</source>
        <translation>为等待某个目标的数据点改用另一个接入地址或设备</translation>
    </message>
    <message>
        <source>Re-address the outbox&apos;s datapoints waiting for --endpoint (and --device) to --to-endpoint (and --to-device), as the window&apos;s Move does; `outbox send` then sends them there. Asks nothing; prints each datapoint moved. Datapoints being sent and those sent keep their target.</source>
        <translation>改发到 --to-endpoint（及 --to-device）：发件箱中等待发往 --endpoint（及 --device）的数据点，与窗口中的“改发到当前目标”相同；之后 `outbox send` 会把它们发往新目标。不做询问；逐个打印移动的数据点。正在发送和已发送的数据点保留原目标。</translation>
    </message>
    <message>
        <source>the endpoint the datapoints wait for</source>
        <translation>数据点等待发往的接入地址</translation>
    </message>
    <message>
        <source>only datapoints waiting for this device id</source>
        <translation>只处理等待此设备 ID 的数据点</translation>
    </message>
    <message>
        <source>only datapoints in this state (repeatable; default: all four)</source>
        <translation>只处理此状态的数据点（可重复；默认：全部四种）</translation>
    </message>
    <message>
        <source>the endpoint to send them to instead</source>
        <translation>改为发往的接入地址</translation>
    </message>
    <message>
        <source>the device id to send them to instead (default: each keeps its own)</source>
        <translation>改为发往的设备 ID（默认：各自保留原设备）</translation>
    </message>
    <message>
        <source>outbox {command}: {why}</source>
        <translation>outbox {command}：{why}</translation>
    </message>
    <message>
        <source>device {device} at {endpoint}</source>
        <translation>{endpoint} 的设备 {device}</translation>
    </message>
    <message>
        <source>outbox {command}: {points} for {target} are being sent now and were left alone (`onenet-uploader outbox` shows them once the send has finished)</source>
        <translation>outbox {command}：发往 {target} 的 {points}正在发送，未做改动（发送结束后 `onenet-uploader outbox` 会列出它们）</translation>
    </message>
    <message>
        <source>outbox {command}: No datapoints wait for {target} (`onenet-uploader outbox` lists the outbox).</source>
        <translation>outbox {command}：没有等待 {target} 的数据点（`onenet-uploader outbox` 列出发件箱）。</translation>
    </message>
    <message>
        <source>Discarded {points} waiting for {target}.</source>
        <translation>已丢弃等待 {target} 的 {points}。</translation>
    </message>
    <message>
        <source>Moved {points} from {old} to {new}; `onenet-uploader outbox send` sends them there.</source>
        <translation>已把 {points}从 {old} 移到 {new}；`onenet-uploader outbox send` 会把它们发往那里。</translation>
    </message>
    <message>
        <source>{points} of them have an unknown outcome: they may be stored at {old} already (`outbox send` holds back those without `at` unless --allow-duplicates).</source>
        <translation>其中 {points}结果未知：它们可能已存入 {old}（除非使用 --allow-duplicates，`outbox send` 会扣下其中没有 `at` 的数据点）。</translation>
    </message>
</context>
<context>
    <name>client</name>
    <message>
        <source>Success.</source>
        <extracomment>The endpoint of the user&apos;s API description, over HTTPS (documented as supported; the official Android SDK&apos;s default): shared onenet-api.md. The most bytes read from one answer (after content decoding). OneNET answers are a few hundred bytes, a read-back page of 6,000 datapoints about 300 KB. The read-back `limit` range (shared onenet-api.md, &quot;Reading back&quot;). Request headers (lower case) whose values are secrets: the legacy api-key, the current platform&apos;s token (device side `token`, application side `authorization`; shared onenet-api.md, &quot;The current platform&quot;). Plain-language hints for the errno values that are known [H]; the platform&apos;s own `errno`/`error` are always shown verbatim beside them.</extracomment>
        <translation>成功。</translation>
    </message>
    <message>
        <source>Authentication failed: the api-key is wrong or does not belong to this device.</source>
        <translation>鉴权失败：API Key 错误，或不属于此设备。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>HTTP {status} from the gateway, no OneNET answer</source>
        <translation>网关返回 HTTP {status}，OneNET 没有响应</translation>
    </message>
    <message>
        <source>errno {errno}, HTTP {status}</source>
        <translation>错误码 errno {errno}，HTTP {status}</translation>
    </message>
    <message>
        <source>endpoint {endpoint} must look like https://api.heclouds.com</source>
        <extracomment>Whether sending the same request again may succeed (shared onenet-api.md: connection errors, timeouts, 5xx and 429 yes; auth and validation failures no).</extracomment>
        <translation>接入地址 {endpoint} 应形如 https://api.heclouds.com</translation>
    </message>
    <message>
        <source>endpoint must not contain a query, fragment or credentials</source>
        <translation>接入地址不能包含查询参数、片段或登录凭据</translation>
    </message>
    <message>
        <source>endpoint {endpoint} must not contain spaces</source>
        <translation>接入地址 {endpoint} 不能包含空格</translation>
    </message>
    <message>
        <source>endpoint {endpoint} is not one address (two pasted together?)</source>
        <translation>接入地址 {endpoint} 不是单个地址（是否粘贴了两个？）</translation>
    </message>
    <message>
        <source>endpoint {endpoint} has no valid port after &apos;:&apos;</source>
        <translation>接入地址 {endpoint} 的“:”后面没有有效的端口</translation>
    </message>
    <message>
        <source>device id {device} has &apos;{char}&apos;: a device id is the device&apos;s number as the OneNET console shows it, e.g. 4093215</source>
        <translation>设备 ID {device} 含有“{char}”：设备 ID 是 OneNET 控制台显示的设备编号，例如 4093215</translation>
    </message>
    <message>
        <source>device id must not be empty or have spaces around it</source>
        <translation>设备 ID 不能为空，前后也不能有空格</translation>
    </message>
    <message>
        <source>device id {device} is not valid</source>
        <translation>设备 ID {device} 无效</translation>
    </message>
    <message>
        <source>server error: HTTP {status}</source>
        <translation>服务器错误：HTTP {status}</translation>
    </message>
    <message>
        <source>HTTP {status}: a redirect to {location}, not followed (the api-key would go along); whether it was stored is unknown</source>
        <translation>HTTP {status}：重定向到 {location}，未跟随（否则 API Key 会一并发过去）；是否已存储未知</translation>
    </message>
    <message>
        <source>too many requests: HTTP 429</source>
        <translation>请求过多：HTTP 429</translation>
    </message>
    <message>
        <source>request rejected: HTTP {status} (a web page: a proxy or sign-in page in the way?)</source>
        <translation>请求被拒绝：HTTP {status}（返回的是网页：是否被代理或登录页面拦截？）</translation>
    </message>
    <message>
        <source>request rejected: HTTP {status}</source>
        <translation>请求被拒绝：HTTP {status}</translation>
    </message>
    <message>
        <source>HTTP {status} but the answer is a web page, not OneNET JSON (a proxy or sign-in page in the way?)</source>
        <translation>HTTP {status}，但应答是网页而不是 OneNET JSON（是否被代理或登录页面拦截？）</translation>
    </message>
    <message>
        <source>HTTP {status} but the answer is not OneNET JSON (no errno)</source>
        <translation>HTTP {status}，但应答不是 OneNET JSON（没有 errno）</translation>
    </message>
    <message>
        <source>errno {errno}: {error}</source>
        <translation>错误码 errno {errno}：{error}</translation>
    </message>
    <message>
        <source>errno {errno}: {error} (HTTP {status})</source>
        <translation>错误码 errno {errno}：{error}（HTTP {status}）</translation>
    </message>
    <message>
        <source>no answer from {host} within {seconds} s</source>
        <translation>{host} 在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
        <source>host not found: {host}</source>
        <translation>找不到主机：{host}</translation>
    </message>
    <message>
        <source>connection refused by {host}: is the server running?</source>
        <translation>{host} 拒绝连接：服务器是否在运行？</translation>
    </message>
    <message>
        <source>the answer from {host} was cut off midway</source>
        <translation>来自 {host} 的应答中途被截断</translation>
    </message>
    <message>
        <source>{host} closed the connection without an answer</source>
        <translation>{host} 未应答就关闭了连接</translation>
    </message>
    <message>
        <source>network error talking to {host}: {error}</source>
        <translation>与 {host} 通信时出现网络错误：{error}</translation>
    </message>
    <message>
        <source>the answer from {host} is larger than {mib} MiB: answer too large, not read (whether it was stored is unknown)</source>
        <translation>来自 {host} 的应答超过 {mib} MiB：应答过大，未读取（是否已存储未知）</translation>
    </message>
    <message>
        <source>no api-key: give the device&apos;s api-key (the OneNET console shows it with the device) in the api-key field or a profile; on the command line, in the environment variable $ONENET_API_KEY</source>
        <translation>没有 API Key：请在 API Key 栏或设备配置中填写设备的 API Key（OneNET 控制台的设备详情中可见）；命令行中请用环境变量 $ONENET_API_KEY 提供</translation>
    </message>
    <message>
        <source>the api-key spans lines: paste it again as one line</source>
        <translation>API Key 跨了多行：请重新粘贴为一行</translation>
    </message>
</context>
<context>
    <name>importers</name>
    <message>
        <source>{text} is not a number with a decimal comma (this column uses `,` as decimal mark)</source>
        <extracomment>Thousands separators accepted with each decimal mark (space, no-break space, narrow no-break space and apostrophe are used in both conventions). The longest plain decimal the fast path reads with float(): a longer one may be nearer 0 than a double&apos;s normal range (2.2e-308 takes 308 zeros), which `parse_number` refuses. A number written with a zero before another digit (`0012`, `-007`; not `0`, `0.5`, `-0.5`). The same at the start of a line of cells joined by line breaks (a C-level scan over a chunk of a column). `1,234` / `1.234`: one separator with exactly three digits after it (a decimal mark or a thousands separator).</extracomment>
        <translation>{text} 不是以逗号作小数点的数值（此列以 `,` 作小数点）</translation>
    </message>
    <message>
        <source>{text} is not a number with a decimal point (this column uses `.` as decimal mark)</source>
        <translation>{text} 不是以“.”作小数点的数值（此列以 `.` 作小数点）</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数值</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <extracomment>Texts that usually mean &quot;no reading&quot;: they do not make a number column text (they are reported, with the hint to add them as missing-value markers). The number parsers (`cell_numbers`) and time parsers (`cell_times`) are read from here too (`cells as C`).</extracomment>
        <translation>{value} 不是数值</translation>
    </message>
    <message>
        <source>NaN or infinity cannot be sent (not valid JSON)</source>
        <translation>NaN 或无穷大无法发送（不是有效的 JSON）</translation>
    </message>
    <message>
        <source>{value} is not a JSON object</source>
        <translation>{value} 不是 JSON 对象</translation>
    </message>
    <message>
        <source>{value} is a date or time, not a {kind}</source>
        <translation>{value} 是日期或时间，而不是 {kind}</translation>
    </message>
    <message>
        <source>{text} holds bytes that are not valid in the file&apos;s encoding; choose the encoding</source>
        <translation>{text} 含有在文件编码中无效的字节；请选择编码</translation>
    </message>
    <message>
        <source>{text}: hour {hour} cannot go with {meridian}</source>
        <extracomment>After a time: an offset, `Z`, ` UTC`, or a zone abbreviation the header rule knows (`CET`, `CST`: `cell_zone`). Plausible ranges of numeric times (so a column of pressures is never read as dates). Unix time formats by magnitude; the ranges do not overlap, so the magnitude alone tells them apart. Years a compact `YYYYMMDD…` number may have (a weather service&apos;s archive starts in the 19th century). Chinese clock times: `8时30分`, `8点30分15秒`, `8时` (read as `8:30`, `8:30:15`, `8:00`). `上午 11:15:00` / `下午 1:15` (before the time, as Chinese Excel and WPS write AM/PM). A zone abbreviation inside a time cell, as a word of its own (`… CET`, `… 09:00:00 CST 2026`).</extracomment>
        <translation>{text}：{hour} 点不能与 {meridian} 同用</translation>
    </message>
    <message>
        <source>{text} is not a valid time of day ({why})</source>
        <translation>{text} 不是有效的时刻（{why}）</translation>
    </message>
    <message>
        <source>{text}: {why}</source>
        <translation>{text}：{why}</translation>
    </message>
    <message>
        <source>{text} is not a valid date when read as {order} ({why})</source>
        <translation>按 {order} 读取时，{text} 不是有效的日期（{why}）</translation>
    </message>
    <message>
        <source>{text} is not a time like 2026-11-02 08:30 (year first)</source>
        <translation>{text} 不是 2026-11-02 08:30 这样的时间（年在前）</translation>
    </message>
    <message>
        <source>{text} is not a time like {example}</source>
        <translation>{text} 不是 {example} 这样的时间</translation>
    </message>
    <message>
        <source>{text} is not a time like 26-12-07 08:30 (two-digit year first)</source>
        <translation>{text} 不是 26-12-07 08:30 这样的时间（两位年份在前）</translation>
    </message>
    <message>
        <source>{text} is not a number of {unit}</source>
        <translation>{text} 不是数值（{unit}）</translation>
    </message>
    <message>
        <source>{text}: a time of day needs a date column</source>
        <translation>{text}：只有时刻时需要日期列</translation>
    </message>
    <message>
        <source>{text} is not a time written as YYYYMMDD[HH[MM[SS]]] digits</source>
        <translation>{text} 不是 YYYYMMDD[HH[MM[SS]]] 形式的数字时间</translation>
    </message>
    <message>
        <source>{text}: year {year} is not plausible for {what}</source>
        <translation>{text}：对 {what} 而言，年份 {year} 不合理</translation>
    </message>
    <message>
        <source>{text} is not a valid {what} time ({why})</source>
        <translation>{text} 不是有效的 {what} 时间（{why}）</translation>
    </message>
    <message>
        <source>{text}: {month} is not an English month name</source>
        <translation>{text}：{month} 不是英文月份名称</translation>
    </message>
    <message>
        <source>{text} is not a date like Jan 1 2000 or 1-Jan-2020</source>
        <translation>{text} 不是 Jan 1 2000 或 1-Jan-2020 这样的日期</translation>
    </message>
    <message>
        <source>{text}: month {month} does not exist</source>
        <translation>{text}：不存在 {month} 月</translation>
    </message>
    <message>
        <source>{text} is not a period like 1974Q1, 2024-05 or 2024</source>
        <translation>{text} 不是 1974Q1、2024-05 或 2024 这样的时段</translation>
    </message>
    <message>
        <source>{text} is not an interval of times of day like 00:00 - 01:00</source>
        <translation>{text} 不是 00:00 - 01:00 这样的时刻区间</translation>
    </message>
    <message>
        <source>{text} does not match the time format {pattern}</source>
        <translation>{text} 与时间格式 {pattern} 不符</translation>
    </message>
    <message>
        <source>{number} is not a Unix time in {unit}</source>
        <translation>{number} 不是有效的时间（{unit}）</translation>
    </message>
    <message>
        <source>Excel days</source>
        <translation>Excel 日期序号</translation>
    </message>
    <message>
        <source>Unix seconds</source>
        <translation>Unix 秒</translation>
    </message>
    <message>
        <source>Unix milliseconds</source>
        <translation>Unix 毫秒</translation>
    </message>
    <message>
        <source>Unix microseconds</source>
        <translation>Unix 微秒</translation>
    </message>
    <message>
        <source>Unix nanoseconds</source>
        <translation>Unix 纳秒</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <source>{number} is not an Excel date serial</source>
        <translation>{number} 不是 Excel 日期序号</translation>
    </message>
    <message>
        <source>{text} is not a date alone</source>
        <translation>{text} 不是单独的日期</translation>
    </message>
    <message>
        <source>{text} is not a time of day like 18:00 or 18.00.00</source>
        <translation>{text} 不是 18:00 或 18.00.00 这样的时刻</translation>
    </message>
    <message>
        <source>{start}… ({digits} digits) is not a time</source>
        <translation>{start}…（{digits} 位数字）不是时间</translation>
    </message>
    <message>
        <source>{value} is a number, not a time (choose Excel days or Unix time as the format)</source>
        <translation>{value} 是数值而不是时间（请将格式选为 Excel 日期序号或 Unix 时间）</translation>
    </message>
    <message>
        <source>{value} is a time of day without a date</source>
        <translation>{value} 是没有日期的时刻</translation>
    </message>
    <message>
        <source>{value} is not a date alone</source>
        <translation>{value} 不是单独的日期</translation>
    </message>
    <message>
        <source>a first number is {n}, so it is the day</source>
        <translation>第一个数为 {n}，所以它是日</translation>
    </message>
    <message>
        <source>a second number is {n}, so it is the day</source>
        <translation>第二个数为 {n}，所以它是日</translation>
    </message>
    <message>
        <source>both orders occur; choose one (rows that do not fit it are reported)</source>
        <translation>两种顺序都有；请选择一种（不符合的行会列出）</translation>
    </message>
    <message>
        <source>year-month-day (two-digit year first)</source>
        <translation>年-月-日（两位年份在前）</translation>
    </message>
    <message>
        <source>{a}, {b} or {c}</source>
        <translation>{a}、{b} 或 {c}</translation>
    </message>
    <message>
        <source>{a} or {b}</source>
        <translation>{a} 或 {b}</translation>
    </message>
    <message>
        <source>two-digit years: only {order} gives a valid date in every row read</source>
        <translation>两位年份：只有按 {order} 读取时，读取的每一行都是有效日期</translation>
    </message>
    <message>
        <source>two-digit years: {orders} all give valid dates; choose one</source>
        <translation>两位年份：按 {orders} 读取都是有效日期；请选择一种</translation>
    </message>
    <message>
        <source>dots: day.month.year by convention</source>
        <translation>用点分隔：按惯例为 日.月.年</translation>
    </message>
    <message>
        <source>no day above 12 in the rows read</source>
        <translation>读取的行中没有大于 12 的日</translation>
    </message>
    <message>
        <source>no time: the time cell is empty (such rows are refused unless you choose what they get: send --missing-time now or platform, the import dialog&apos;s Rows without a time)</source>
        <extracomment>Why a cell or row is not imported: always a Message (another library&apos;s words go through `gui.text.reason_of`).</extracomment>
        <translation>没有时间：时间单元格为空（此类行会被拒绝，除非您选择如何处理：send 的 --missing-time now 或 platform，或导入对话框中的“没有时间的行”）</translation>
    </message>
    <message>
        <source>{shown} is not a datapoint value (a number, a string or a JSON object)</source>
        <translation>{shown} 不是数据点的值（应为数字、字符串或 JSON 对象）</translation>
    </message>
    <message>
        <source>no time: sent without at (the platform stamps it)</source>
        <translation>没有时间：不带 at 发送（由平台记录时间）</translation>
    </message>
    <message>
        <source>year</source>
        <extracomment>A part of the time (`TimeSpec.parts`&apos; units) in words.</extracomment>
        <translation>年</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>时</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>分</translation>
    </message>
    <message>
        <source>second</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>no {unit}</source>
        <translation>没有{unit}</translation>
    </message>
    <message>
        <source>{text} is not a whole number ({unit})</source>
        <translation>{text} 不是整数（{unit}）</translation>
    </message>
    <message>
        <source>no time of day</source>
        <translation>没有时刻</translation>
    </message>
    <message>
        <source>the header says {zone}, read as {offset} because the first rows are all outside summer time, but this date is in summer time, when a clock labelled {zone} may show {region}&apos;s summer time: choose the zone (send --source-tz, the dialog&apos;s zone box)</source>
        <translation>表头写的是 {zone}，因前面各行都不在夏令时内而读作 {offset}；但此日期处于夏令时，标为 {zone} 的时钟此时可能显示 {region} 的夏令时：请选择时区（send 的 --source-tz，或对话框中的时区框）</translation>
    </message>
    <message>
        <source>the time of day went back from {before} to {after}: read as the next day, {day}</source>
        <translation>时刻从 {before} 回到 {after}：读作下一天，{day}</translation>
    </message>
    <message>
        <source>{parts} is not a time ({why})</source>
        <translation>{parts} 不是有效的时间（{why}）</translation>
    </message>
    <message>
        <source>no time: stamped now ({at})</source>
        <translation>没有时间：以当前时间记录（{at}）</translation>
    </message>
    <message>
        <source>{why}; if it marks a missing reading, add it as a missing-value marker</source>
        <translation>{why}；如果它表示缺失的读数，请将其添加为缺失值标记</translation>
    </message>
    <message>
        <source>the quoted cell is not closed: the file may be cut short</source>
        <translation>带引号的单元格缺少结束引号：文件可能不完整</translation>
    </message>
    <message>
        <source>no time: no column of the file was understood as a time (name it, with its format if need be: send --time-column and --time-format, the import dialog&apos;s Use as and Read as; or choose what rows without a time get: send --missing-time now or platform, the import dialog&apos;s Rows without a time)</source>
        <extracomment>A row of a file in which no column was understood as a time: its time cell is not empty, there is none.</extracomment>
        <translation>没有时间：文件中没有任何一列被识别为时间（请指定时间列，必要时连同其格式：send 的 --time-column 和 --time-format，或导入对话框中的“用作”和“识别为”；或者选择没有时间的行如何处理：send 的 --missing-time now 或 platform，或导入对话框中的“没有时间的行”）</translation>
    </message>
    <message>
        <source>{why}: a number with a unit; write the unit in the header, the number alone</source>
        <translation>{why}：这是带单位的数字；请把单位写在表头，单元格里只写数字</translation>
    </message>
    <message>
        <source>no datastream id</source>
        <translation>没有数据流 ID</translation>
    </message>
    <message>
        <source>{why}.</source>
        <extracomment>File name patterns the open dialog offers.</extracomment>
        <translation>{why}。</translation>
    </message>
    <message>
        <source>{str} is a folder: give one file of readings in it.</source>
        <translation>{str} 是文件夹：请指定其中的一个读数文件。</translation>
    </message>
    <message>
        <source>There is no file {str}.</source>
        <translation>文件 {str} 不存在。</translation>
    </message>
    <message>
        <source>The file cannot be read: {strerror_or_exc}.</source>
        <translation>无法读取文件：{strerror_or_exc}。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file is empty: it holds only blank lines.</source>
        <translation>文件是空的：只有空行。</translation>
    </message>
    <message>
        <source>The file is not JSON: it does not start with [ or {{.</source>
        <translation>文件不是 JSON：它不是以 [ 或 {{ 开头。</translation>
    </message>
    <message>
        <source>The file is too large to import in this computer&apos;s memory.</source>
        <translation>文件太大，本机内存不足以导入。</translation>
    </message>
    <message>
        <source>no data to tell: comma</source>
        <extracomment>Single-byte Latin encodings charset-normalizer may name for Western European text that Windows-1252 (what Excel and most Western software write) reads as well: `®` is `ź` in ISO-8859-16. Non-letters that Western technical files do contain (so they do not make a Latin reading implausible). Delimiter detection reads at most this many lines, each cut to this many characters: bounded work (the csv module&apos;s C reader, linear in its input) whatever the file holds.</extracomment>
        <translation>没有数据可以判断：使用逗号</translation>
    </message>
    <message>
        <source>{share}% of the data rows split into {width} cells</source>
        <translation>{share}% 的数据行分成 {width} 个单元格</translation>
    </message>
    <message>
        <source>The file has no data: every line is empty.</source>
        <extracomment>rows above the header (or above the first data row without a header) per column, from a units row under the header index in the sample of the first data row InfluxDB annotated CSV: `#group`/`#datatype`/`#default` lines, repeated headers</extracomment>
        <translation>文件中没有数据：每一行都是空的。</translation>
    </message>
    <message>
        <source>The file has no data: only annotation lines (#group, #datatype, #default).</source>
        <translation>文件中没有数据：只有注释行（#group、#datatype、#default）。</translation>
    </message>
    <message>
        <source>InfluxDB annotated CSV: #group, #datatype and #default lines skipped</source>
        <translation>InfluxDB 带注释的 CSV：已跳过 #group、#datatype 和 #default 行</translation>
    </message>
    <message>
        <source>the first row of names above the data</source>
        <translation>数据上方第一行名称</translation>
    </message>
    <message>
        <source>the row of names that names the time column</source>
        <translation>标出时间列的那一行名称</translation>
    </message>
    <message>
        <source>Nothing is left to read below the skipped lines.</source>
        <translation>跳过的行下面已没有可读取的内容。</translation>
    </message>
    <message>
        <source>Some header characters cannot be decoded: is the encoding right?</source>
        <translation>表头中有些字符无法解码：编码选对了吗？</translation>
    </message>
    <message>
        <source>header: line {line} ({how})</source>
        <translation>表头：第 {line} 行（{how}）</translation>
    </message>
    <message>
        <source>no header row: columns are numbered</source>
        <translation>没有表头行：各列按序号命名</translation>
    </message>
    <message>
        <source>units row under the header: {units}</source>
        <translation>表头下方的单位行：{units}</translation>
    </message>
    <message>
        <source>the row has {cells} cells but the table has {width} columns (a delimiter inside a cell without quotes?)</source>
        <translation>该行有 {cells} 个单元格，但表格只有 {width} 列（某个单元格内有分隔符却没有引号？）</translation>
    </message>
    <message>
        <source>the file&apos;s last line has {cells} cells but the table has {width} columns, and no line end after it: the file may be cut short</source>
        <translation>文件的最后一行只有 {cells} 个单元格，而表格有 {width} 列，且其后没有换行符：文件可能不完整</translation>
    </message>
    <message>
        <source>every value is {length} digits that form a valid date, {form}</source>
        <extracomment>Time parts split over columns, by header (lower case), and their unit.</extracomment>
        <translation>每个值都是 {length} 位数字，且构成有效日期，{form}</translation>
    </message>
    <message>
        <source>every value is a year: read as the year&apos;s start</source>
        <translation>每个值都是年份：按该年的开始读取</translation>
    </message>
    <message>
        <source>every value is between {low} and {high}: {unit}</source>
        <translation>每个值都在 {low} 到 {high} 之间：{unit}</translation>
    </message>
    <message>
        <source>every value is between 20000 and 80000: Excel days</source>
        <translation>每个值都在 20000 到 80000 之间：Excel 日期序号</translation>
    </message>
    <message>
        <source>unknown: the cells of {column} say {zone} on dates such as {day}, in summer time where {zone} is the winter time ({region}): the fixed offset or that local time?</source>
        <translation>未知：列 {column} 的单元格写的是 {zone}，而 {day} 等日期处于夏令时，{zone} 是 {region} 的冬令时：是固定偏移，还是该地的当地时间？</translation>
    </message>
    <message>
        <source>unknown: the cells of {column} say {zone}, which several use</source>
        <translation>未知：列 {column} 的单元格写的是 {zone}，而多个时区都用这个名称</translation>
    </message>
    <message>
        <source>{what}: the file has no column {text}. Its columns are {shown}.</source>
        <extracomment>Long layout: the datastream column&apos;s header, best first (InfluxDB&apos;s `_field` before `_measurement`).</extracomment>
        <translation>{what}：文件中没有列 {text}。文件的列为 {shown}。</translation>
    </message>
    <message>
        <source>a row index (its header says so)</source>
        <extracomment>Headers of columns that number rows, not readings. Data-logger event columns (HOBOware: `Logged`, `Button Down`, `Host Connected`…): markers, not readings. Headers of label columns (a station&apos;s code) that are not readings even when they hold numbers.</extracomment>
        <translation>行序号（表头如此注明）</translation>
    </message>
    <message>
        <source>a row index (the first column, counting up by one)</source>
        <translation>行序号（第一列，逐行加一）</translation>
    </message>
    <message>
        <source>a logger&apos;s event marker, not readings</source>
        <translation>记录仪的事件标记，不是读数</translation>
    </message>
    <message>
        <source>the same text in every row ({value}): a label</source>
        <translation>每行都是同一文字（{value}）：是标签</translation>
    </message>
    <message>
        <source>the same code in every row ({value}): a label</source>
        <translation>每行都是同一代码（{value}）：是标签</translation>
    </message>
    <message>
        <source>its cells match the format {pattern}</source>
        <translation>其单元格符合格式 {pattern}</translation>
    </message>
    <message>
        <source>{share}% of its cells are dates and its header says time</source>
        <translation>{share}% 的单元格是日期，且表头表明是时间</translation>
    </message>
    <message>
        <source>{share}% of its cells are dates</source>
        <translation>{share}% 的单元格是日期</translation>
    </message>
    <message>
        <source>a datastream column was chosen</source>
        <translation>已选择数据流列</translation>
    </message>
    <message>
        <source>headers {stream} and {value} name the datastream and the value</source>
        <translation>表头 {stream} 和 {value} 分别表示数据流和值</translation>
    </message>
    <message>
        <source>one column per datastream</source>
        <translation>每个数据流一列</translation>
    </message>
    <message>
        <source>a column of a few repeated names ({name}) beside one column of numbers</source>
        <translation>一列由少数几个重复名称组成（{name}），旁边是一列数字</translation>
    </message>
    <message>
        <source>layout: {layout} ({how})</source>
        <translation>布局：{layout}（{how}）</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>not among the columns chosen</source>
        <translation>不在所选的列中</translation>
    </message>
    <message>
        <source>the format given</source>
        <translation>指定的格式</translation>
    </message>
    <message>
        <source>Column {column} holds periods ({example}): each is read as its start.</source>
        <translation>列 {column} 是时段（{example}）：每个时段按其开始时间读取。</translation>
    </message>
    <message>
        <source>Column {column} holds intervals ({example}): each row is read at the interval&apos;s start.</source>
        <translation>列 {column} 是时间区间（{example}）：每行按区间的开始时间读取。</translation>
    </message>
    <message>
        <source>Times of day without a date column: the first row is dated {date} (chosen); a time of day earlier than the row before it starts the next day.</source>
        <translation>只有时刻而没有日期列：第一行的日期为 {date}（已选择）；某个时刻早于上一行时，从该行起为下一天。</translation>
    </message>
    <message>
        <source>unknown: the header {header} says {zone}, and dates such as {day} fall in summer time where {zone} is the winter time ({region}): the fixed offset or that local time?</source>
        <translation>未知：表头 {header} 写的是 {zone}，而 {day} 等日期处于夏令时，{zone} 是 {region} 的冬令时：是固定偏移，还是该地的当地时间？</translation>
    </message>
    <message>
        <source>from the header {header}: every date read is outside summer time, so {zone} is {offset} whether the clock is fixed or {region}&apos;s</source>
        <translation>来自表头 {header}：读取的所有日期都不在夏令时内，因此无论时钟是固定偏移还是 {region} 的时间，{zone} 都是 {offset}</translation>
    </message>
    <message>
        <source>unknown: the header {header} says {zone}, which several use</source>
        <translation>未知：表头 {header} 写的是 {zone}，而多个时区都用这个名称</translation>
    </message>
    <message>
        <source>zone {zone} ({why})</source>
        <translation>时区 {zone}（{why}）</translation>
    </message>
    <message>
        <source>time: columns {columns} combined, {zone}</source>
        <translation>时间：由列 {columns} 组合而成，{zone}</translation>
    </message>
    <message>
        <source>The time is combined from the columns {columns}; they are not imported as datastreams.</source>
        <translation>时间由列 {columns} 组合而成；这些列不作为数据流导入。</translation>
    </message>
    <message>
        <source>times of day only, column {column}</source>
        <translation>仅有时刻，列 {column}</translation>
    </message>
    <message>
        <source>column {column}</source>
        <translation>列 {column}</translation>
    </message>
    <message>
        <source>columns {date} + {time}</source>
        <translation>列 {date} + {time}</translation>
    </message>
    <message>
        <source>{where} (intervals: their start)</source>
        <translation>{where}（时间区间：取开始时间）</translation>
    </message>
    <message>
        <source>UTC instants: no zone applies</source>
        <translation>UTC 时间戳：与时区无关</translation>
    </message>
    <message>
        <source>each time gives its zone (an offset, Z or UTC)</source>
        <translation>每个时间自带时区（偏移量、Z 或 UTC）</translation>
    </message>
    <message>
        <source>zone {why}</source>
        <translation>时区{why}</translation>
    </message>
    <message>
        <source>time: {where}, format {format} ({how}), {zone}</source>
        <translation>时间：{where}，格式为 {format}（{how}），{zone}</translation>
    </message>
    <message>
        <source>time: {where}, format {format}, {zone}</source>
        <translation>时间：{where}，格式为 {format}，{zone}</translation>
    </message>
    <message>
        <source>time: no column was understood as a time</source>
        <translation>时间：没有哪一列能识别为时间</translation>
    </message>
    <message>
        <source>part of the time</source>
        <translation>时间的一部分</translation>
    </message>
    <message>
        <source>stream id: the file has no column {unknown_0} to rename. Its columns are {join}.</source>
        <translation>数据流 ID：文件中没有要改名的列 {unknown_0}。文件的列为 {join}。</translation>
    </message>
    <message>
        <source>datastream {column}: text, not numbers: {example} is written with leading zeros, as identifiers and codes are, and a number would lose them</source>
        <extracomment>The first character of every text `cells.parse_number_text` may read (after stripping spaces). Over a text column&apos;s distinct cells joined by line breaks (a C-level scan; a hit sends them down the careful path): a cell that may be a number. `MISSING_LIKE` as people write them (`NA`, `Null`): a C-level set intersection for columns of many texts. Up to this many distinct texts in a chunk, each is checked exactly (casefolded, classified).</extracomment>
        <translation>数据流 {column}：按文本读取，而非数字：{example} 带前导零（编号和代码常这样写），按数字读取会丢失这些零</translation>
    </message>
    <message>
        <source>column {column}: text, not numbers: {example} is written with leading zeros, as identifiers and codes are, and a number would lose them (to send numbers: send --number {column}; the import dialog&apos;s columns table)</source>
        <translation>列 {column}：按文本读取，而非数字：{example} 带前导零（编号和代码常这样写），按数字读取会丢失这些零（要按数字发送：send --number {column}；或导入对话框的列表格）</translation>
    </message>
    <message>
        <source>no reading: {markers} among numbers (skipped, never sent)</source>
        <translation>无读数：数字中夹有 {markers}（跳过，不会发送）</translation>
    </message>
    <message>
        <source>datastream {stream}: numbers, with texts among them: their rows are rejected unless the texts are missing-value markers or the column {column} is read as text (send --text; the import dialog&apos;s columns table)</source>
        <extracomment>The reasons a column is proposed as not imported that only the first rows gave (`columns._skip_reason` codes): such a column is watched too, and imported when a later row holds a reading. numbers written with leading zeros (`cells.zero_padded`): the column is text the first of them AUTO (a long layout&apos;s datastream not in the first rows): values read as text, which its kind may refuse. AUTO, JSON: cells that are `MISSING_LIKE` texts</extracomment>
        <translation>数据流 {stream}：数值中夹有文本：含文本的行会被拒绝，除非把这些文本设为缺失值标记，或把列 {column} 按文本读取（send --text；导入对话框的列表格）</translation>
    </message>
    <message>
        <source>column {column}: numbers, with texts among them ({texts}): their rows are rejected unless the texts are missing-value markers or the column is read as text (send --text; the import dialog&apos;s columns table)</source>
        <translation>列 {column}：数字，其中夹有文本（{texts}）：这些行会被拒绝，除非把这些文本设为缺失值标记，或把该列按文本读取（send --text；导入对话框的列表格）</translation>
    </message>
    <message>
        <source>not imported: {column} ({why})</source>
        <translation>不导入 {column}：{why}</translation>
    </message>
    <message>
        <source>The long layout needs a datastream column and a value column: choose them in the columns table, or read the file as wide.</source>
        <translation>长表布局需要一列数据流和一列值：请在列表格中选择，或按宽表读取文件。</translation>
    </message>
    <message>
        <source>No column is imported: include at least one column as a datastream.</source>
        <translation>没有导入任何列：请至少将一列作为数据流导入。</translation>
    </message>
    <message>
        <source>year-month-day</source>
        <extracomment>when `undecided`: the date orders that fit every cell read, to ask among times of day without a date column: the first row&apos;s date (`first_date`) times of day without a date column, and no `first_date` given: ask for it the user&apos;s strftime pattern for the TIME column the TIME_OF_DAY column holds intervals (`00:00 - 01:00`): read as their start unit (`year`, `month`…) -&gt; column A zone abbreviation the TIME column&apos;s cells carry that leaves their offset open (`CST`; `CET` on summer dates): the column&apos;s zone answers it (asked, or the zone chosen), so it is taken out of each cell first. the zone the file states (a header), when it wins over the source zone an ambiguous zone the file states: ask The times state no zone (no offset in the cells, none in the header) and nobody chose one: they are read in `ImportOptions.source_tz`, which `send` must not assume (it asks) and the dialog shows. what the file states (`GMT+00:00`; ZONE_IN_TIMES when each time gives its zone) the time column whose header (or cells) state `zone_stated` the zone the caller chose, when it differs from the stated one and so does not apply long layout: datastream ids renamed texts found among numbers that mean &quot;no reading&quot; (`---`, `NA`) `zone_reason` in words (`result.zone_reason_message`), for a person Wide columns whose kind the first rows gave (not the user), and those they proposed not to import (`kinds.SAMPLE_SKIPS`), with the texts they showed in them: the pass checks every row (`kinds.Seen`), and `make_plan` takes what all rows decide otherwise (`kinds.revise`). Long layout: the value column, when the user chose no kind for it (each datastream&apos;s values are watched, `stream_kinds`). What the file leaves open and an option answers (`ImportResult.questions`): a number column&apos;s decimal mark (`decimal_question`), a datastream id for a column without a header name (`unnamed_question`). Long layout: each datastream&apos;s kind (by its id in the file) by the rule of a wide value column (`kinds.kind_of`); a datastream not in it is read as AUTO. When the date order is asked: each order that fits (`DateOrder.value`) with the first date read in it. A header&apos;s `CET` read as its fixed offset because every date of the first rows is in winter: the `StatedZone` whose region&apos;s summer dates, in a later row, reject that row (the offset is then unsure).</extracomment>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>日/月/年</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>月/日/年</translation>
    </message>
    <message>
        <source>yy-mm-dd (two-digit year first)</source>
        <translation>yy-mm-dd（两位年份在前）</translation>
    </message>
    <message>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>YYYYMMDD[HH[MM[SS]]] digits</source>
        <translation>YYYYMMDD[HH[MM[SS]]] 数字</translation>
    </message>
    <message>
        <source>dates with month names</source>
        <translation>带月份名称的日期</translation>
    </message>
    <message>
        <source>periods (read as their start)</source>
        <translation>时段（取开始时间）</translation>
    </message>
    <message>
        <source>intervals (read as their start)</source>
        <translation>时间区间（取开始时间）</translation>
    </message>
    <message>
        <source>year/month/day… columns</source>
        <translation>年/月/日…… 分列</translation>
    </message>
    <message>
        <source>spreadsheet dates</source>
        <translation>电子表格日期</translation>
    </message>
    <message>
        <source>long</source>
        <translation>长表</translation>
    </message>
    <message>
        <source>wide</source>
        <translation>宽表</translation>
    </message>
    <message>
        <source>chosen</source>
        <extracomment>`sniff.Encoding.reason` (a code) in words; `preferred over &lt;codec&gt;` keeps its codec.</extracomment>
        <translation>已指定</translation>
    </message>
    <message>
        <source>another column already gives the time</source>
        <translation>另一列已提供时间</translation>
    </message>
    <message>
        <source>not imported: {why}</source>
        <translation>不导入：{why}</translation>
    </message>
    <message>
        <source>column {column}: {value} is {comma} with a decimal comma or {point} with a decimal point (the other mark a thousands separator), and no other number in the file tells which: choose the decimal mark (send --decimal , or --decimal .; the import dialog&apos;s Decimal mark)</source>
        <translation>列 {column}：{value} 以逗号作小数点时是 {comma}，以点作小数点时是 {point}（另一个符号为千位分隔符），文件中没有其他数值能说明是哪一种：请选择小数点（send --decimal , 或 --decimal .；导入对话框的“小数点”）</translation>
    </message>
    <message>
        <source>column {column}: its number cells and its text cells disagree about the decimal mark: the text {text} has a decimal comma, with which the number {number} would be {comma}; a sheet with decimal commas was likely opened with another language&apos;s settings. Fix these cells in the sheet, or choose the decimal point to send the number cells as they are and refuse the text cells (send --decimal .; the import dialog&apos;s Decimal mark)</source>
        <translation>列 {column}：其数值单元格与文本单元格对小数点的用法不一致：文本 {text} 以逗号作小数点，按此读法数值 {number} 应为 {comma}；这很可能是一个以逗号作小数点的表格被按另一种语言的设置打开过。请在表格中修正这些单元格，或选择以点作小数点，按原样发送数值单元格并拒绝文本单元格（send --decimal .；导入对话框的“小数点”）</translation>
    </message>
    <message>
        <source>{evidence} in this column</source>
        <translation>本列的 {evidence}</translation>
    </message>
    <message>
        <source>{evidence} in column {other}</source>
        <translation>列 {other} 的 {evidence}</translation>
    </message>
    <message>
        <source>column {column}: {value} read as {number}, a decimal comma ({where})</source>
        <translation>列 {column}：{value} 读为 {number}，逗号作小数点（依据：{where}）</translation>
    </message>
    <message>
        <source>column {column}: {value} read as {number}, a decimal point ({where})</source>
        <translation>列 {column}：{value} 读为 {number}，点作小数点（依据：{where}）</translation>
    </message>
    <message>
        <source>column {column}: full-width characters read as half-width ({text} is {number})</source>
        <translation>列 {column}：全角字符按半角读取（{text} 即 {number}）</translation>
    </message>
    <message>
        <source>column {n} has values but no header name, so no datastream id: give it one (send --stream-id {n}=ID; the import dialog&apos;s columns table) or leave the column out (send --exclude {n})</source>
        <translation>第 {n} 列有值但没有表头名称，因此没有数据流 ID：请为它指定一个（send --stream-id {n}=ID；导入对话框的列表格），或不导入该列（send --exclude {n}）</translation>
    </message>
    <message>
        <source>The JSON is nested too deeply to read (thousands of [ or {{ inside each other): it is not a file of readings.</source>
        <extracomment>What a JSON nested deeper than Python&apos;s parser goes (thousands of levels) is refused with.</extracomment>
        <translation>JSON 嵌套过深，无法读取（上千层 [ 或 {{ 相互嵌套）：这不是读数文件。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON</source>
        <translation>{name} 不是有效的 JSON</translation>
    </message>
    <message>
        <source>The JSON file does not start with [ or {{.</source>
        <translation>JSON 文件不是以 [ 或 {{ 开头。</translation>
    </message>
    <message>
        <source>The JSON list is not closed with ] (the file ends early).</source>
        <translation>JSON 列表没有以 ] 结束（文件提前结束）。</translation>
    </message>
    <message>
        <source>The JSON list has {buf_pos} where a comma should be.</source>
        <translation>JSON 列表中应为逗号的位置是 {buf_pos}。</translation>
    </message>
    <message>
        <source>The JSON is not valid: {why}.</source>
        <translation>JSON 无效：{why}。</translation>
    </message>
    <message>
        <source>A JSON record is larger than 16 MiB.</source>
        <translation>某条 JSON 记录超过 16 MiB。</translation>
    </message>
    <message>
        <source>a record must be an object {{&quot;stream&quot;: …, &quot;at&quot;: …, &quot;value&quot;: …}}</source>
        <translation>每条记录必须是一个对象 {{&quot;stream&quot;: …, &quot;at&quot;: …, &quot;value&quot;: …}}</translation>
    </message>
    <message>
        <source>the record has no &quot;stream&quot;</source>
        <translation>该记录没有 &quot;stream&quot;</translation>
    </message>
    <message>
        <source>the record has no &quot;value&quot;</source>
        <translation>该记录没有 &quot;value&quot;</translation>
    </message>
    <message>
        <source>this line is not JSON: {why}</source>
        <translation>这一行不是 JSON：{why}</translation>
    </message>
    <message>
        <source>The file is not valid {label} text (byte {start}): choose the encoding.</source>
        <translation>文件不是有效的 {label} 文本（第 {start} 字节）：请选择编码。</translation>
    </message>
    <message>
        <source>The file is not valid JSON: {why}.</source>
        <translation>该文件不是有效的 JSON：{why}。</translation>
    </message>
    <message>
        <source>This looks like a OneNET type {int} body but cannot be read: {why}</source>
        <translation>这看起来是 OneNET type {int} 请求体，但无法读取：{why}</translation>
    </message>
    <message>
        <source>The body holds no datapoints.</source>
        <translation>请求体中没有数据点。</translation>
    </message>
    <message>
        <source>A OneNET body: its times are platform time (UTC+8); the source time zone does not apply.</source>
        <translation>OneNET 请求体：其中的时间是平台时间（UTC+8），源时区不适用。</translation>
    </message>
    <message>
        <source>The JSON list is empty: no records.</source>
        <translation>JSON 列表是空的：没有记录。</translation>
    </message>
    <message>
        <source>JSON Lines: one record per line.</source>
        <translation>JSON Lines：每行一条记录。</translation>
    </message>
    <message>
        <source>A JSON list of row records: read as a table, one column per key.</source>
        <translation>JSON 行记录列表：按表格读取，每个键一列。</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheets cannot be read: save it as .xlsx or CSV.</source>
        <extracomment>Bytes read from the start of a file to decide its format and encoding. Bytes read from the middle and the end too, so a file that turns non-ASCII late is still seen. When charset-normalizer finds several encodings equally plausible, the first of these wins: GB18030 (a superset of GBK and GB2312: Chinese-locale Excel) before the others, then Windows-1252 (Western European Excel) over its look-alikes.</extracomment>
        <translation>无法读取 OpenDocument 电子表格：请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>Excel 97-2003 workbooks (.xls) cannot be read: save it as .xlsx or CSV.</source>
        <translation>无法读取 Excel 97-2003 工作簿（.xls）：请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>一个 PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>一张 PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>一张 JPEG 图片</translation>
    </message>
    <message>
        <source>This is {name}, not a table of readings: open a CSV, TSV, TXT, XLSX or JSON file.</source>
        <translation>这是{name}，不是读数表格：请打开 CSV、TSV、TXT、XLSX 或 JSON 文件。</translation>
    </message>
    <message>
        <source>{name} is not a valid Excel workbook (it is not a ZIP file inside).</source>
        <translation>{name} 不是有效的 Excel 工作簿（其内部不是 ZIP 文件）。</translation>
    </message>
    <message>
        <source>Unknown encoding {override}: use a name like utf-8, gb18030 or cp1252.</source>
        <translation>未知编码 {override}：请使用 utf-8、gb18030 或 cp1252 这样的名称。</translation>
    </message>
    <message>
        <source>This looks like a binary file, not text: open a CSV, TSV, TXT, XLSX or JSON file.</source>
        <translation>这看起来是二进制文件而不是文本：请打开 CSV、TSV、TXT、XLSX 或 JSON 文件。</translation>
    </message>
    <message>
        <source>Cannot tell the file&apos;s text encoding (it may not be a text file). Choose the encoding, e.g. gb18030 for files from Chinese-locale Excel.</source>
        <translation>无法判断文件的文本编码（它可能不是文本文件）。请选择编码，例如中文版 Excel 导出的文件可选 gb18030。</translation>
    </message>
    <message>
        <source>{formula} is a formula without a computed value: open and save the file in Excel or LibreOffice</source>
        <translation>{formula} 是没有计算结果的公式：请在 Excel 或 LibreOffice 中打开并保存该文件</translation>
    </message>
    <message>
        <source>{name} cannot be opened as an Excel workbook: {why}</source>
        <extracomment>the workbook&apos;s hidden worksheets (Excel and LibreOffice do not show them) the sheet read when none is chosen (`_opening_sheet`) how `sheet` was chosen A delimited file whose last line has no line end after it: that row may be cut short (`line_end_missing`). Read after a delimited file&apos;s last line: a Unicode noncharacter, never in a text file. Alone it is a row of its own, left out (`_END_ROW`); at the end of the last cell, that cell&apos;s quote was never closed (`cut_short`).</extracomment>
        <translation>{name} 无法作为 Excel 工作簿打开：{why}</translation>
    </message>
    <message>
        <source>{name} is not a readable Excel workbook ({name2}).</source>
        <translation>{name} 不是可读取的 Excel 工作簿（{name2}）。</translation>
    </message>
    <message>
        <source>chosen; it is a hidden sheet: Excel and LibreOffice do not show it</source>
        <translation>已选择；这是隐藏的工作表：Excel 和 LibreOffice 不会显示它</translation>
    </message>
    <message>
        <source>The workbook has no sheet {sheet}; it has {sheets}.</source>
        <translation>工作簿中没有工作表 {sheet}；现有工作表：{sheets}。</translation>
    </message>
    <message>
        <source>Sheet {sheet} is a chart: it holds no table to read.</source>
        <translation>工作表 {sheet} 是图表：其中没有可读取的表格。</translation>
    </message>
    <message>
        <source>No sheet of the workbook is visible (hidden: {hidden}): which one a person opening it reads cannot be told. Choose the sheet to read (send --sheet NAME, the import dialog&apos;s Sheet).</source>
        <translation>工作簿中没有可见的工作表（隐藏：{hidden}）：无法判断打开它的人看的是哪一个。请选择要读取的工作表（send 的 --sheet NAME，或导入对话框中的“工作表”）。</translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation>工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>Row {done_1} of sheet {sheet} cannot be read: the workbook is damaged ({name}). Open it in Excel or LibreOffice and save it again.</source>
        <translation>无法读取工作表 {sheet} 的第 {done_1} 行：工作簿已损坏（{name}）。请在 Excel 或 LibreOffice 中打开并重新保存。</translation>
    </message>
    <message>
        <source>the sheet the workbook opens on</source>
        <translation>工作簿打开时显示的工作表</translation>
    </message>
    <message>
        <source>the first visible sheet: the workbook does not say which sheet it opens on</source>
        <translation>第一个可见的工作表：工作簿没有说明打开时显示哪个工作表</translation>
    </message>
    <message>
        <source>the first visible sheet: the sheet the workbook opens on, {sheet}, is hidden</source>
        <translation>第一个可见的工作表：工作簿打开时的工作表 {sheet} 是隐藏的</translation>
    </message>
    <message>
        <source>the first visible sheet: the workbook opens on the chart {sheet}</source>
        <translation>第一个可见的工作表：工作簿打开时显示的是图表 {sheet}</translation>
    </message>
    <message>
        <source>{how}; hidden sheets, not read: {hidden}</source>
        <translation>{how}；未读取的隐藏工作表：{hidden}</translation>
    </message>
    <message>
        <source>Row {first_len} cannot be read: {why}. A cell over 128 KiB or a quote (&quot;) that is never closed can cause this.</source>
        <translation>无法读取第 {first_len} 行：{why}。单元格超过 128 KiB 或引号（&quot;）未闭合都可能导致此问题。</translation>
    </message>
    <message>
        <source>The first line is longer than 1 MiB: this is not a table of readings (rows of a CSV file are short). Is it the right file?</source>
        <translation>第一行超过 1 MiB：这不是读数表格（CSV 文件的行都很短）。文件是否选对了？</translation>
    </message>
    <message>
        <source>The sheet is empty.</source>
        <translation>工作表是空的。</translation>
    </message>
    <message>
        <source>Sheet {sheet} has a header row but no data rows below it. The workbook&apos;s other sheets: {others}; choose one (send --sheet NAME, the import dialog&apos;s Sheet).</source>
        <translation>工作表 {sheet} 有表头行，但下面没有数据行。工作簿中的其他工作表：{others}；请选择其中一个（send 的 --sheet NAME，或导入对话框中的“工作表”）。</translation>
    </message>
    <message>
        <source>The file has a header row but no data rows below it.</source>
        <translation>文件有表头行，但其下没有数据行。</translation>
    </message>
    <message>
        <source>delimited text (CSV, TSV, TXT)</source>
        <extracomment>`reason` as a Message (translated where shown), when the core words it; None: `reason` as it is. from a units row under the header (`°C`, `mm`), shown beside the column a workbook&apos;s hidden sheets the sheet read when none is chosen (the one the workbook opens on) how `sheet` was chosen the header&apos;s line in the file (1-based), None without a header where `source_tz` came from: &quot;from the header &apos;Date Time, GMT+00:00&apos;&quot;, &quot;chosen&quot;… each decision with how it was reached, one line each `zone_reason` in words (None: `zone_reason_message(zone_reason)`) the zone the file states for its times (`GMT+00:00`), ZONE_IN_TIMES, or &quot;&quot; the time column whose header (or cells) state `zone_stated` The zone the caller chose (`--source-tz`, the zone box) when the file states another: it does not apply to that column (`gui.data.importers.zones.unused_zone`); &quot;&quot; otherwise.</extracomment>
        <translation>分隔文本（CSV、TSV、TXT）</translation>
    </message>
    <message>
        <source>Excel workbook (xlsx)</source>
        <translation>Excel 工作簿（xlsx）</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>OneNET type 5 text</source>
        <translation>OneNET type=5 文本</translation>
    </message>
    <message>
        <source>format: {format}</source>
        <translation>格式：{format}</translation>
    </message>
    <message>
        <source>encoding: {encoding} ({how})</source>
        <translation>编码：{encoding}（{how}）</translation>
    </message>
    <message>
        <source>encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
    <message>
        <source>delimiter: {delimiter} ({how})</source>
        <translation>分隔符：{delimiter}（{how}）</translation>
    </message>
    <message>
        <source>delimiter: {delimiter}</source>
        <translation>分隔符：{delimiter}</translation>
    </message>
    <message>
        <source>sheet: {sheet}</source>
        <translation>工作表：{sheet}</translation>
    </message>
    <message>
        <source>OneNET body type {n}</source>
        <translation>OneNET 请求体 type={n}</translation>
    </message>
    <message>
        <source>layout: {layout}</source>
        <translation>布局：{layout}</translation>
    </message>
    <message>
        <source>layout: {layout}, no header row</source>
        <translation>布局：{layout}，没有表头行</translation>
    </message>
    <message>
        <source>time: column {column} ({format}, e.g. {example})</source>
        <translation>时间：列 {column}（{format}，例如 {example}）</translation>
    </message>
    <message>
        <source>time: column {column} ({format})</source>
        <translation>时间：列 {column}（{format}）</translation>
    </message>
    <message>
        <source>day/month order: {order} ({how})</source>
        <translation>日/月顺序：{order}（{how}）</translation>
    </message>
    <message>
        <source>source time zone: {why}</source>
        <translation>源时区：{why}</translation>
    </message>
    <message>
        <source>source time zone: stated in each time</source>
        <translation>源时区：每个时间自带</translation>
    </message>
    <message>
        <source>column {n}</source>
        <extracomment>Problems kept in detail; beyond this only `problem_count` grows. `Detected.zone_reason` of times that state no zone, read in the zone the caller gave (`ImportOptions.source_tz`). `Detected.zone_reason` starts so while the zone a header states is ambiguous (`CST`): nobody chose one yet. `Detected.zone_reason` of times that each give their zone (`+02:00`, `Z`, ` UTC`) or are Unix times (UTC). a workbook&apos;s sheets, to choose another one from (the import dialog&apos;s Sheet)</extracomment>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>{n} (no header)</source>
        <translation>{n}（无表头）</translation>
    </message>
    <message>
        <source>sheet: {sheet} ({how})</source>
        <translation>工作表：{sheet}（{how}）</translation>
    </message>
    <message>
        <source>source time zone: {zone}, {why}</source>
        <translation>源时区：{zone}，{why}</translation>
    </message>
    <message>
        <source>source time zone: {zone}</source>
        <translation>源时区：{zone}</translation>
    </message>
    <message>
        <source>rows without a time: {choice}</source>
        <translation>没有时间的行：{choice}</translation>
    </message>
    <message>
        <source>column {column} -&gt; datastream {stream}, {kind}</source>
        <translation>列 {column} -&gt; 数据流 {stream}，{kind}</translation>
    </message>
    <message>
        <source>column {column} -&gt; datastream {stream} (may be rejected by the platform), {kind}</source>
        <translation>列 {column} -&gt; 数据流 {stream}（平台可能拒收），{kind}</translation>
    </message>
    <message>
        <source>stamped with the import time</source>
        <translation>以导入时间记录</translation>
    </message>
    <message>
        <source>sent without at (the platform stamps them)</source>
        <translation>不带 at 发送（由平台记录时间）</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>read as written</source>
        <translation>按原样读取</translation>
    </message>
    <message>
        <source>numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>not stated in the file</source>
        <translation>文件中未注明</translation>
    </message>
    <message>
        <source>stated in each time</source>
        <translation>每个时间中注明</translation>
    </message>
    <message>
        <source>from the header {header}</source>
        <translation>来自表头 {header}</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>byte order mark</source>
        <translation>字节顺序标记（BOM）</translation>
    </message>
    <message>
        <source>zero bytes in every other place</source>
        <translation>每隔一个字节为零</translation>
    </message>
    <message>
        <source>plain ASCII</source>
        <translation>纯 ASCII</translation>
    </message>
    <message>
        <source>valid UTF-8</source>
        <translation>有效的 UTF-8</translation>
    </message>
    <message>
        <source>reads as Chinese text</source>
        <translation>可读作中文文本</translation>
    </message>
    <message>
        <source>Western European text (preferred over {codec})</source>
        <translation>西欧文字（优先于 {codec}）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>the zone {zone} in the cell is used by several zones ({choices}): write the offset that was meant in its place, such as +08:00</source>
        <extracomment>Abbreviations that name one offset; a file&apos;s header writing them means that offset (no DST switch). Abbreviations several zones use: the file cannot say which, so the user is asked. Standard-time abbreviations of regions with summer time: (the region&apos;s zone, its summer abbreviation). Loggers write `CET` or `EST` over their local clock all year, so over dates in the region&apos;s summer the abbreviation may mean the fixed offset or that local time: asked then (`summer_question`), fixed otherwise. Chinese names of zones a header may give (`时间(北京时间)`: Beijing time is China&apos;s one zone, UTC+8 today). A word that may be an abbreviation (`CET`); not the end of a name (`Etc/GMT+13`) nor an offset&apos;s start (`UTC+99`). An IANA name in a header, as the database spells them: `Europe/Berlin`, `America/Port-au-Prince`, `Etc/GMT+5` (its sign and digits belong to the name, so `GMT+5` is not read as an offset of its own). `GMT-05:00` (HOBO), `UTC+8`, `UTC/GMT+8`, `UTC+0530`, `UTC −3`; never the end of an `Etc/GMT+N` name. what the header says, e.g. `GMT+00:00`, `UTC`, `CST` the zone as `parse_zone` reads it (`UTC`, `UTC+08:00`, `Europe/Berlin`); empty when ambiguous for an ambiguous abbreviation: the zones it may mean, in words A standard-time abbreviation of a region with summer time (`CET`): that region&apos;s zone (`Europe/Berlin`). A zone abbreviation a time cell may carry after its time (`2026-12-07 09:00:00 CET`, `date`&apos;s `… CST 2026`): the words the header rule knows, upper case, longest first (`CEST` before `CET`).</extracomment>
        <translation>单元格中的时区 {zone} 被多个时区使用（{choices}）：请在该处改写为实际所指的 UTC 偏移，例如 +08:00</translation>
    </message>
    <message>
        <source>the zone {zone} in the cell is {offset}, but this date is in summer time, when a clock labelled {zone} may show {region}&apos;s summer time: write the offset that was meant in its place</source>
        <translation>单元格中的时区 {zone} 是 {offset}，但该日期处于夏令时，此时标为 {zone} 的时钟可能显示的是 {region} 的夏令时：请在该处改写为实际所指的 UTC 偏移</translation>
    </message>
    <message>
        <source>{at} does not exist in {zone} (the clocks skipped it at the DST change)</source>
        <extracomment>The last row&apos;s instant (naive UTC) with a known one, and the direction the rows took to it (+1, -1, 0).</extracomment>
        <translation>{at} 在 {zone} 中不存在（夏令时切换时时钟跳过了这段时间）</translation>
    </message>
    <message>
        <source>{at} happens twice in {zone} (the clocks went back); read as its first occurrence, UTC{offset}, from the order of the rows</source>
        <translation>{at} 在 {zone} 中出现两次（时钟回拨）；根据行的顺序，按第一次出现读取，即 UTC{offset}</translation>
    </message>
    <message>
        <source>{at} happens twice in {zone} (the clocks went back); read as its second occurrence, UTC{offset}, from the order of the rows</source>
        <translation>{at} 在 {zone} 中出现两次（时钟回拨）；根据行的顺序，按第二次出现读取，即 UTC{offset}</translation>
    </message>
    <message>
        <source>{at} happens twice in {zone} (the clocks went back) and the rows around it do not tell which: write its offset after the time in the file, {first} for the first occurrence or {second} for the second</source>
        <translation>{at} 在 {zone} 中出现两次（时钟回拨），前后各行无法判断是哪一次：请在文件中该时间后写上 UTC 偏移，第一次为 {first}，第二次为 {second}</translation>
    </message>
    <message>
        <source>day/month order not known: choose it</source>
        <translation>日/月顺序未知：请选择</translation>
    </message>
    <message>
        <source>missing: skipped</source>
        <translation>缺失：已跳过</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>no api-key for device {device}</source>
        <translation>设备 {device} 没有 API Key</translation>
    </message>
</context>
<context>
    <name>outbox-state</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>unsent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>in_flight</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>pipeline</name>
    <message>
        <source>{text}, {count} failed</source>
        <translation>{text}，{count} 个失败</translation>
    </message>
    <message>
        <source>{text}, {count} unknown (may have arrived)</source>
        <translation>{text}，{count} 个结果未知（可能已送达）</translation>
    </message>
    <message>
        <source>{text}, {count} not delivered</source>
        <translation>{text}，{count} 个未送达</translation>
    </message>
    <message>
        <source>{text}, {count} skipped</source>
        <translation>{text}，{count} 个已跳过</translation>
    </message>
    <message>
        <source>{text}, cancelled</source>
        <translation>{text}，已取消</translation>
    </message>
    <message>
        <source>gave up: a retry in {wait} s would end beyond {limit} s</source>
        <translation>已放弃：{wait} 秒后重试将超出 {limit} 秒的时限</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{why} ({note})</source>
        <translation>{why}（{note}）</translation>
    </message>
</context>
<context>
    <name>planner</name>
    <message>
        <source>{target}: {warning}</source>
        <extracomment>`(endpoint, device_id) -&gt; OneNetClient` with the api-key for that device; may raise ConfigError. `(endpoint, &quot;&lt;product id&gt;/&lt;device name&gt;&quot;) -&gt; ThingClient` with that device&apos;s key; may raise ConfigError. The Content-Type of every OneJSON post. States in which the platform may hold a row&apos;s datapoint already: it answered errno 0, or nobody knows. THING: which post (property or history) how many requests iterating yields how many datapoints they carry together</extracomment>
        <translation>{target}：{warning}</translation>
    </message>
    <message>
        <source>property {property}: {n} datapoints without at go in {n} successive property posts (a post carries one value per property); the last is the latest value, the platform keeps each in its history stamped on arrival</source>
        <extracomment>At most this many values per property, and per device, in one history post (shared onenet-api.md) [H]. The `version` of every OneJSON message (shared onenet-api.md, &quot;Upload, device side&quot;). `id` is a string of digits, at most 13.</extracomment>
        <translation>属性 {property}：{n} 个没有 at 的数据点将分 {n} 次依次上报属性（每次上报每个属性只能带一个值）；最后一个是最新值，平台会把每个值都记入历史，时间为到达时间</translation>
    </message>
    <message>
        <source>request {request}: datastream {stream}, datapoint #{first} alone is over the limit of {bytes} bytes; it is sent in a request of its own</source>
        <extracomment>The smallest byte limit accepted: a type 1 body with one small datapoint. Over `max_points` or `max_bytes` because it cannot be split (see the module docstring).</extracomment>
        <translation>第 {request} 个请求：数据流 {stream} 的第 {first} 个数据点单独就超过了 {bytes} 字节的上限；它将单独用一个请求发送</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>a profile without a name</source>
        <translation>设备配置没有名称</translation>
    </message>
    <message>
        <source>profile {name} names an unknown platform</source>
        <translation>设备配置 {name} 指定了未知的平台</translation>
    </message>
    <message>
        <source>no profile named {name} (there are: {names})</source>
        <extracomment>A new profile of each platform, before the user fills it in.</extracomment>
        <translation>没有名为 {name} 的设备配置（现有：{names}）</translation>
    </message>
    <message>
        <source>{path} cannot be read as profiles: {why}</source>
        <translation>{path} 无法作为设备配置读取：{why}</translation>
    </message>
    <message>
        <source>a profile needs a name</source>
        <translation>设备配置需要一个名称</translation>
    </message>
    <message>
        <source>a profile name is at most {n} printable characters</source>
        <translation>设备配置名称最多 {n} 个可打印字符</translation>
    </message>
    <message>
        <source>there is a profile named {name} already</source>
        <translation>已有名为 {name} 的设备配置</translation>
    </message>
    <message>
        <source>{name} is built in: it cannot be changed (duplicate it)</source>
        <translation>{name} 是内置的，不能修改（请复制一份）</translation>
    </message>
    <message>
        <source>no profile named {name}</source>
        <translation>没有名为 {name} 的设备配置</translation>
    </message>
</context>
<context>
    <name>readings</name>
    <message>
        <source>{text} is too large for a JSON number</source>
        <extracomment>OneNET interprets `at` as Beijing time, a fixed UTC+8 without DST (shared onenet-api.md, &quot;Timestamps&quot;; the official SDK forces GMT+8). Wire format of `at` in uploads: `YYYY-MM-DDThh:mm:ss`, seconds precision, no zone suffix (shared onenet-api.md; the seed&apos;s API description). A datapoint value: a JSON number, a string or a JSON object (the seed&apos;s API description: &quot;string / int / json...&quot;). The full-width forms of a number&apos;s characters, as a Chinese or Japanese input method in full-width mode types them (`２１．５`, `－３`): read as the ASCII characters they stand for. Other digits (`٣`, `²`) are not. Every full-width form of an ASCII character (U+FF01..U+FF5E: `４`, `：`, `／`, `Ａ`) and the ideographic space (U+3000), as an input method in full-width mode types them: read as the characters they stand for (a time or a device id typed; `FULL_WIDTH_NUMBER` is its part for numbers). A number whose digits before its exponent are not all zero (`1e-400`, `0.001e-310`; not `0e-400`, `0.0`).</extracomment>
        <translation>{text} 太大，无法作为 JSON 数值</translation>
    </message>
    <message>
        <source>{text} is too close to zero for a JSON number (nearer 0 than 2.2e-308): it would be sent as 0 or with digits lost</source>
        <translation>{text} 太接近零，无法作为 JSON 数值（比 2.2e-308 更接近 0）：发送后会变成 0 或丢失有效数字</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数值</translation>
    </message>
    <message>
        <source>{text} is NaN (not a number), which JSON cannot carry</source>
        <extracomment>Why the text is not a number, for the causes added with NaN and the range (the editor words the others). A number (decimal point or comma) followed by something that is neither a digit nor a space: `12.5 V`, `12.0x`. For hints: `FULL_WIDTH_NUMBER` and the full-width comma (`２１，５` is `21,5` typed in full-width). What Python and JavaScript write for NaN and the infinities (`float()` reads them; JSON does not).</extracomment>
        <translation>{text} 是 NaN（非数值），JSON 无法表示</translation>
    </message>
    <message>
        <source>{text} is infinity, which JSON cannot carry</source>
        <translation>{text} 是无穷大，JSON 无法表示</translation>
    </message>
    <message>
        <source>{text} is hexadecimal: a JSON number is written in decimal digits</source>
        <translation>{text} 是十六进制：JSON 数值须用十进制数字书写</translation>
    </message>
    <message>
        <source>{text} has &apos;_&apos; between its digits: a JSON number has none</source>
        <translation>{text} 的数字之间有“_”：JSON 数值中不能有它</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套层数过多</translation>
    </message>
    <message>
        <source>a JSON value must be an object: {{...}}</source>
        <translation>JSON 值必须是对象：{{...}}</translation>
    </message>
    <message>
        <source>the JSON object names the key {key} more than once: write each key once</source>
        <translation>该 JSON 对象中键 {key} 出现了不止一次：每个键只能写一次</translation>
    </message>
    <message>
        <source>{name} is not valid JSON</source>
        <translation>{name} 不是有效的 JSON</translation>
    </message>
    <message>
        <source>{text} is not a time like 2013-04-22T00:35:43</source>
        <extracomment>&quot;MM:SS&quot; for every second of an hour, and &quot;YYYY-MM-DDThh:&quot; per hour seen: formatting a million `at`s this way is ~3x faster than strftime.</extracomment>
        <translation>{text} 不是 2013-04-22T00:35:43 这样的时间</translation>
    </message>
    <message>
        <source>{at} does not exist in {zone} (the clocks skipped it)</source>
        <translation>{at} 在 {zone} 中不存在（夏令时调整时钟跳过了这段时间）</translation>
    </message>
    <message>
        <source>{at} happens twice in {zone} (the clocks went back): type it with its offset to say which, {first} for the first occurrence or {second} for the second</source>
        <translation>{at} 在 {zone} 中出现两次（时钟回拨）：请带上 UTC 偏移输入以指明是哪一次，第一次为 {first}，第二次为 {second}</translation>
    </message>
</context>
<context>
    <name>reasons</name>
    <message>
        <source>the hour must be 0 to 23</source>
        <extracomment>(context, source, n) -&gt; the translated source; n is -1 when the sentence has no count. Marks a stored text that is a Message (`stored`), so that a text stored before is told apart and shown as it is. An English plural mark after a word of a counted source: `datapoint(s)`, `entry(ies)`. Python&apos;s own words for what a file&apos;s cell or a typed value can cause (datetime, strptime, int(), float(), json, zoneinfo): a pattern over `str(exc)` and the product&apos;s sentence in the catalogue&apos;s context &quot;reasons&quot; (the pattern&apos;s named groups are the sentence&apos;s `{fields}`: the cell&apos;s text as Python quotes it).</extracomment>
        <translation>小时须在 0 到 23 之间</translation>
    </message>
    <message>
        <source>the minute must be 0 to 59</source>
        <translation>分钟须在 0 到 59 之间</translation>
    </message>
    <message>
        <source>the second must be 0 to 59</source>
        <translation>秒须在 0 到 59 之间</translation>
    </message>
    <message>
        <source>the fraction of a second is out of range</source>
        <translation>秒的小数部分超出范围</translation>
    </message>
    <message>
        <source>the month must be 1 to 12</source>
        <translation>月份须在 1 到 12 之间</translation>
    </message>
    <message>
        <source>the month has no such day</source>
        <translation>该月没有这一天</translation>
    </message>
    <message>
        <source>the year {year} is out of range</source>
        <translation>年份 {year} 超出范围</translation>
    </message>
    <message>
        <source>{text} does not match the format {format}</source>
        <translation>{text} 与格式 {format} 不符</translation>
    </message>
    <message>
        <source>{rest} is left over after the format</source>
        <translation>按格式读取后还剩下 {rest}</translation>
    </message>
    <message>
        <source>{text} is not a whole number</source>
        <translation>{text} 不是整数</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数值</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <source>the number is too large for a time or a value</source>
        <translation>该数值太大，无法作为时间或值</translation>
    </message>
    <message>
        <source>{zone} is not a known time zone</source>
        <translation>{zone} 不是已知的时区</translation>
    </message>
    <message>
        <source>not valid JSON (line {line}, column {column})</source>
        <translation>不是有效的 JSON（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <extracomment>What an error of another library that no pattern knows is called; its own words go to the log only.</extracomment>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>sandbox</name>
    <message>
        <source> — {fix}</source>
        <extracomment>Exchanges a capture keeps by default (the oldest go first). Bytes of requests and answers a capture keeps at most, whatever the count (bodies may be 8 MiB each). Header names (lower case) whose values are secrets (shared onenet-api.md, &quot;Terms&quot;, &quot;Token&quot;).</extracomment>
        <translation> —— {fix}</translation>
    </message>
    <message>
        <source>error: {what}</source>
        <translation>错误：{what}</translation>
    </message>
    <message>
        <source>warning: {what}</source>
        <translation>警告：{what}</translation>
    </message>
    <message>
        <source>note: {what}</source>
        <translation>提示：{what}</translation>
    </message>
    <message>
        <source>no rule broken</source>
        <translation>未违反任何规则</translation>
    </message>
    <message>
        <source>{count} datapoints of {stream} have no `at`: the platform stamps them alike and keeps only the last (onenet-api.md, Overwrite rule)</source>
        <translation>数据流 {stream} 有 {count} 个数据点没有 `at`：平台会给它们打上相同的时间，只保留最后一个（onenet-api.md，覆盖规则）</translation>
    </message>
    <message>
        <source>give each datapoint its own `at`, or send them in separate requests</source>
        <translation>给每个数据点各自的 `at`，或分成多个请求发送</translation>
    </message>
    <message>
        <source>{count} datapoints of {stream} at the same `at` {at}: the platform keeps only the later (onenet-api.md, Overwrite rule)</source>
        <translation>数据流 {stream} 有 {count} 个数据点的 `at` 同为 {at}：平台只保留后一个（onenet-api.md，覆盖规则）</translation>
    </message>
    <message>
        <source>give each datapoint its own `at` (seconds precision)</source>
        <translation>给每个数据点各自的 `at`（精确到秒）</translation>
    </message>
    <message>
        <source>write `at` as YYYY-MM-DDThh:mm:ss in Beijing time (UTC+8), e.g. 2026-12-07T13:05:00</source>
        <translation>`at` 请写成北京时间（UTC+8）的 YYYY-MM-DDThh:mm:ss，例如 2026-12-07T13:05:00</translation>
    </message>
    <message>
        <source>type 5 starts with two different separator characters, e.g. ,;temperature,23.5</source>
        <translation>type=5 以两个不同的分隔符开头，例如 ,;temperature,23.5</translation>
    </message>
    <message>
        <source>check the body against the format its `type` names (onenet-api.md, Body formats)</source>
        <translation>请按 `type` 所指的格式检查请求体（onenet-api.md，请求体格式）</translation>
    </message>
    <message>
        <source>use an identifier of the product&apos;s thing model (OneNET console: product &gt; thing model)</source>
        <extracomment>How to mend a value the thing model refuses, by rule (`gui.onenet.thingmodel.RULES`).</extracomment>
        <translation>请使用产品物模型中的标识符（OneNET 控制台：产品 &gt; 物模型）</translation>
    </message>
    <message>
        <source>send the property&apos;s data type: a number for int32/int64/float/double/enum/date, text for string</source>
        <translation>请发送属性的数据类型：int32/int64/float/double/enum/date 发送数字，string 发送文字</translation>
    </message>
    <message>
        <source>send a whole number, without a decimal point</source>
        <translation>请发送不带小数点的整数</translation>
    </message>
    <message>
        <source>send a value within the property&apos;s min and max</source>
        <translation>请发送在属性最小值和最大值之间的值</translation>
    </message>
    <message>
        <source>send true or false (JSON, without quotes)</source>
        <translation>请发送 true 或 false（JSON，不加引号）</translation>
    </message>
    <message>
        <source>send one of the enum&apos;s values (a number the thing model lists)</source>
        <translation>请发送枚举中的一个值（物模型列出的数字）</translation>
    </message>
    <message>
        <source>shorten the text to the property&apos;s length</source>
        <translation>请把文字缩短到属性规定的长度以内</translation>
    </message>
    <message>
        <source>send only the struct&apos;s members</source>
        <translation>只发送 struct 的成员</translation>
    </message>
    <message>
        <source>send every member of the struct</source>
        <translation>发送 struct 的每个成员</translation>
    </message>
    <message>
        <source>check the value against the thing model</source>
        <translation>请对照物模型检查这个值</translation>
    </message>
    <message>
        <source>{text} — thing model rule {rule} ({title}): {reason} (onenet-api.md, The current platform)</source>
        <translation>{text} —— 物模型规则 {rule}（{title}）：{reason}（onenet-api.md，新版平台）</translation>
    </message>
    <message>
        <source>close each connection when done, or use fewer at once</source>
        <extracomment>Connections served at once by default; more are answered HTTP 503 errno 8 and closed. Seconds a connection may stay idle, or take to send its body, before it is closed.</extracomment>
        <translation>用完就关闭连接，或减少同时打开的连接</translation>
    </message>
    <message>
        <source>make Content-Length the body&apos;s length in bytes as sent (UTF-8 encoded)</source>
        <translation>Content-Length 应为实际发送的请求体字节数（UTF-8 编码后）</translation>
    </message>
    <message>
        <source>the request has neither Content-Length nor a chunked body, so its body cannot be read</source>
        <translation>请求既没有 Content-Length，也不是分块请求体，因此无法读取请求体</translation>
    </message>
    <message>
        <source>add Content-Length: &lt;the body&apos;s length in bytes&gt;</source>
        <translation>添加 Content-Length: &lt;请求体的字节数&gt;</translation>
    </message>
    <message>
        <source>chunked body: {chunks} chunks{trailers}, {size} bytes; the sandbox joins them, the platform documents only Content-Length bodies (onenet-api.md, What real devices send)</source>
        <translation>分块请求体：{chunks} 块{trailers}，共 {size} 字节；沙盒会把它们拼接起来，但平台文档只说明了带 Content-Length 的请求体（onenet-api.md，真实设备发送的内容）</translation>
    </message>
    <message>
        <source>if the platform refuses it, send Content-Length instead</source>
        <translation>如果平台拒收，请改用 Content-Length 发送</translation>
    </message>
    <message>
        <source>uploads are POST /devices/&lt;device_id&gt;/datapoints[?type=N]; read-back is GET on the same path</source>
        <translation>上传用 POST /devices/&lt;device_id&gt;/datapoints[?type=N]；回读用同一路径的 GET</translation>
    </message>
    <message>
        <source>no api-key header</source>
        <translation>没有 api-key 请求头</translation>
    </message>
    <message>
        <source>add the header api-key: &lt;the device&apos;s api-key&gt;</source>
        <translation>添加请求头 api-key: &lt;设备的 API Key&gt;</translation>
    </message>
    <message>
        <source>device {device} is not one the sandbox knows</source>
        <translation>沙盒中没有设备 {device}</translation>
    </message>
    <message>
        <source>check the device id in the path /devices/&lt;device_id&gt;/datapoints</source>
        <translation>请检查路径 /devices/&lt;device_id&gt;/datapoints 中的设备 ID</translation>
    </message>
    <message>
        <source>the api-key {key} is the key of device {owner}, not of {device}</source>
        <translation>API Key {key} 属于设备 {owner}，不属于 {device}</translation>
    </message>
    <message>
        <source>send device {device}&apos;s own api-key, or post to {path}</source>
        <translation>请发送设备 {device} 自己的 API Key，或改为发往 {path}</translation>
    </message>
    <message>
        <source>the api-key {key} is not device {device}&apos;s</source>
        <translation>API Key {key} 不是设备 {device} 的</translation>
    </message>
    <message>
        <source>copy the device&apos;s api-key again (no spaces, same case)</source>
        <translation>请重新复制设备的 API Key（不带空格，大小写一致）</translation>
    </message>
    <message>
        <source>the body is not valid type {type}: {why}</source>
        <translation>请求体不是有效的 type={type}：{why}</translation>
    </message>
    <message>
        <source>see onenet-api.md, Reading back, for the parameters</source>
        <translation>参数说明见 onenet-api.md 的“回读”一节</translation>
    </message>
    <message>
        <source>fault injected: {which}</source>
        <translation>注入的故障：{which}</translation>
    </message>
    <message>
        <source>property {property}: {what}</source>
        <extracomment>The demo product&apos;s thing model, as the console writes one (numbers in specs as text).</extracomment>
        <translation>属性 {property}：{what}</translation>
    </message>
    <message>
        <source>this computer only: a client here uses {url}</source>
        <translation>仅限本机：本机上的客户端请使用 {url}</translation>
    </message>
    <message>
        <source>warning: listening on {host}: anyone on that network can send to this sandbox; it expects device {device} with api-key {key}</source>
        <translation>警告：正在 {host} 上监听：该网络中的任何人都能向这个沙盒发送数据；它接受设备 {device}，API Key 为 {key}</translation>
    </message>
    <message>
        <source>a device on the bench posts to {url}</source>
        <translation>实验台上的设备请发往 {url}</translation>
    </message>
    <message>
        <source>sandbox: cannot write {path}: {why}</source>
        <translation>sandbox：无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>sandbox: cannot listen on {address}: {why}</source>
        <translation>sandbox：无法在 {address} 上监听：{why}</translation>
    </message>
    <message>
        <source>OneNET sandbox at {url} (plain HTTP): device {device}, api-key {key} (the sandbox&apos;s default, not a secret); times are UTC+8. Press Ctrl+C to stop.</source>
        <translation>OneNET 沙盒已在 {url} 运行（明文 HTTP）：设备 {device}，API Key 为 {key}（沙盒的默认值，不是机密）；时间均为 UTC+8。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>OneNET sandbox at {url} (plain HTTP): device {device}, api-key {key}; times are UTC+8. Press Ctrl+C to stop.</source>
        <translation>OneNET 沙盒已在 {url} 运行（明文 HTTP）：设备 {device}，API Key 为 {key}；时间均为 UTC+8。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>Current platform (thing model): product {product}, device {device} (device key {device_key}), product access key {access_key} (the sandbox&apos;s demo keys, not secrets); devices post to {post}, reads go to {read}.</source>
        <translation>新版平台（物模型）：产品 {product}，设备 {device}（设备密钥 {device_key}），产品 access_key 为 {access_key}（沙盒的演示密钥，不是机密）；设备上报发往 {post}，读取发往 {read}。</translation>
    </message>
</context>
<context>
    <name>secrets</name>
    <message>
        <source>no OS keyring is available</source>
        <extracomment>Backend classes (module.qualname, subclasses included) that keep a key as the OS&apos;s store does or encrypted: the only ones called &quot;the system keyring&quot;. The reason `system_keyring` gives when there is none (the window translates it in the &quot;secrets&quot; context).</extracomment>
        <translation>没有可用的系统密钥环</translation>
    </message>
</context>
<context>
    <name>simulator</name>
    <message>
        <source>ticks less than 1 s apart would need `at`s less than 1 s apart, and the platform&apos;s `at` has seconds precision: tick every 1 s or more, or send without `at` (the platform stamps them)</source>
        <translation>间隔小于 1 秒的发送需要相差不到 1 秒的 `at`，而平台的 `at` 只精确到秒：请每 1 秒或更长时间发送一次，或不带 `at` 发送（由平台记录时间）</translation>
    </message>
    <message>
        <source>{text} is not a time like 1s, 500ms, 2m</source>
        <translation>{text} 不是 1s、500ms、2m 这样的时长</translation>
    </message>
    <message>
        <source>{text} is not more than zero</source>
        <translation>{text} 不大于零</translation>
    </message>
    <message>
        <source>{kind} needs bounds like {kind}:20..25, not {text}</source>
        <translation>{kind} 需要 {kind}:20..25 这样的上下限，而不是 {text}</translation>
    </message>
    <message>
        <source>{kind}: the low bound must be below the high one, not {text}</source>
        <translation>{kind}：下限必须小于上限，而不是 {text}</translation>
    </message>
    <message>
        <source>cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <source>{path}, line {line}: not UTF-8 text</source>
        <translation>{path}，第 {line} 行：不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>{path}, line {line}: {text} is not a number, as the file&apos;s first value (line {first}) is</source>
        <translation>{path}，第 {line} 行：{text} 不是数值，而文件的第一个值（第 {first} 行）是数值</translation>
    </message>
    <message>
        <source>{path}, line {line}: {text} is not a JSON object ({why}), as the file&apos;s first value (line {first}) is</source>
        <translation>{path}，第 {line} 行：{text} 不是 JSON 对象（{why}），而文件的第一个值（第 {first} 行）是 JSON 对象</translation>
    </message>
    <message>
        <source>{path}, line {line}: {text} is not a finite number</source>
        <translation>{path}，第 {line} 行：{text} 不是有限数值</translation>
    </message>
    <message>
        <source>{path} has no values (one value a line)</source>
        <translation>{path} 中没有值（每行一个值）</translation>
    </message>
    <message>
        <source>{text}: give STREAM=VALUES, e.g. temp=walk:20..25</source>
        <translation>{text}：请写成 STREAM=VALUES，例如 temp=walk:20..25</translation>
    </message>
    <message>
        <source>{text}: list needs values, e.g. list:20,21,22</source>
        <translation>{text}：list 需要值，例如 list:20,21,22</translation>
    </message>
    <message>
        <source>{text}: file needs a path, e.g. file:values.txt</source>
        <translation>{text}：file 需要路径，例如 file:values.txt</translation>
    </message>
    <message>
        <source>the walk&apos;s step must be a number above 0, not {text}</source>
        <translation>walk 的步长必须是大于 0 的数值，而不是 {text}</translation>
    </message>
    <message>
        <source>the ramp&apos;s step must be a number above 0, not {text}</source>
        <translation>ramp 的步长必须是大于 0 的数值，而不是 {text}</translation>
    </message>
    <message>
        <source>{text}: {kind} is not one of fixed, list, file, walk, sine, ramp</source>
        <translation>{text}：{kind} 不是 fixed、list、file、walk、sine、ramp 之一</translation>
    </message>
    <message>
        <source>a simulation needs at least one stream</source>
        <translation>模拟至少需要一个数据流</translation>
    </message>
    <message>
        <source>each stream may be given once: two datapoints of a stream in one tick overwrite</source>
        <translation>每个数据流只能给出一次：同一次发送中同一数据流的两个数据点会互相覆盖</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>Cannot create the folder of the outbox database {folder}: {error}.</source>
        <translation>无法创建发件箱数据库所在的文件夹 {folder}：{error}。</translation>
    </message>
    <message>
        <source>outbox rows</source>
        <extracomment>Rows taken first from a damaged file: those still to be sent or decided on.</extracomment>
        <translation>发件箱行</translation>
    </message>
    <message>
        <source>history requests</source>
        <translation>历史记录中的请求</translation>
    </message>
    <message>
        <source>history attempts</source>
        <translation>历史记录中的尝试</translation>
    </message>
    <message>
        <source>{what} id {id}</source>
        <translation>{what} id {id}</translation>
    </message>
    <message>
        <source>{what} ids {first}-{last}</source>
        <translation>{what} id {first}-{last}</translation>
    </message>
    <message>
        <source>Some datapoints may be lost: the damaged file no longer says how many it held.</source>
        <translation>可能有数据点丢失：损坏的文件已无法说明它原有多少数据点。</translation>
    </message>
    <message>
        <source>Datapoints imported from a file are queued again when you send the file again (those still in the outbox are not queued twice); readings typed in the window cannot be sent again from a file: look for them in the damaged copy or a backup.</source>
        <translation>从文件导入的数据点，再次发送该文件即可重新排队（仍在发件箱中的不会重复排队）；在窗口中手动输入的读数无法从文件重新发送：请在损坏的副本或备份中查找。</translation>
    </message>
    <message>
        <source>{n} {state}</source>
        <translation>{n} {state}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>没有行</translation>
    </message>
    <message>
        <source>The outbox database {path} was damaged.</source>
        <translation>发件箱数据库 {path} 已损坏。</translation>
    </message>
    <message>
        <source>It was moved aside to {damaged} (keep it: a backup tool or a support request may save more).</source>
        <translation>它已被移到 {damaged}（请保留：备份工具或技术支持也许能救回更多）。</translation>
    </message>
    <message>
        <source>Saved into a new outbox: {saved}; history: {requests} requests, {attempts} attempts.</source>
        <translation>已保存到新的发件箱：{saved}；历史记录：{requests} 个请求，{attempts} 次尝试。</translation>
    </message>
    <message>
        <source>Could not be read: {gaps}</source>
        <translation>无法读取：{gaps}</translation>
    </message>
    <message>
        <source>Could not be read: {gaps}; …</source>
        <translation>无法读取：{gaps}；…</translation>
    </message>
    <message>
        <source>Check the outbox (`onenet-uploader outbox`), then send again.</source>
        <translation>请检查发件箱（`onenet-uploader outbox`），然后重新发送。</translation>
    </message>
    <message>
        <source>The outbox database {path} is gone, though it held datapoints and history before: it was deleted or truncated outside the program. Restore it from a backup if you have one; to start with an empty outbox instead, delete {marker}.</source>
        <translation>发件箱数据库 {path} 不见了，而它之前存有数据点和历史记录：它在程序之外被删除或截断。如有备份，请从备份恢复；如要从空的发件箱开始，请删除 {marker}。</translation>
    </message>
    <message>
        <source>The outbox database {path} is empty (0 bytes), though it held datapoints and history before: it was deleted or truncated outside the program. Restore it from a backup if you have one; to start with an empty outbox instead, delete {marker}.</source>
        <translation>发件箱数据库 {path} 是空的（0 字节），而它之前存有数据点和历史记录：它在程序之外被删除或截断。如有备份，请从备份恢复；如要从空的发件箱开始，请删除 {marker}。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation>文件或其所在文件夹为只读</translation>
    </message>
    <message>
        <source>it cannot be opened (a read-only or missing folder?)</source>
        <translation>无法打开（文件夹只读或不存在？）</translation>
    </message>
    <message>
        <source>the disk reported an error (full, removed, or failing)</source>
        <translation>磁盘报告错误（已满、已移除或出现故障）</translation>
    </message>
    <message>
        <source>Cannot write the outbox database {path}: {reason} ({error}).</source>
        <translation>无法写入发件箱数据库 {path}：{reason}（{error}）。</translation>
    </message>
    <message>
        <source>Cannot write the outbox database {path}: {error}.</source>
        <translation>无法写入发件箱数据库 {path}：{error}。</translation>
    </message>
    <message>
        <source>the outbox table</source>
        <translation>发件箱表</translation>
    </message>
    <message>
        <source>the requests table</source>
        <translation>请求表</translation>
    </message>
    <message>
        <source>the attempts table</source>
        <translation>尝试表</translation>
    </message>
    <message>
        <source>{table} ({error})</source>
        <translation>{table}（{error}）</translation>
    </message>
    <message>
        <source>The outbox database {path} is damaged and cannot be moved aside: {error}</source>
        <translation>发件箱数据库 {path} 已损坏，且无法移至别处：{error}</translation>
    </message>
    <message>
        <source>The outbox database {path} is damaged and could not be salvaged: {error}. It was left as it was (nothing was removed); the next start tries again. Keep a copy of it: a backup tool or a support request may save more.</source>
        <translation>发件箱数据库 {path} 已损坏，且无法抢救：{error}。它保持原样（未删除任何内容）；下次启动时会再试。请保留一份副本：备份工具或技术支持也许能救回更多。</translation>
    </message>
    <message>
        <source>The outbox database {path} is damaged and could not be salvaged: {error}. The damaged file is now {damaged}: nothing was removed. Move it back to {path} (replacing what is there) to try again.</source>
        <translation>发件箱数据库 {path} 已损坏，且无法抢救：{error}。损坏的文件现在位于 {damaged}：未删除任何内容。把它移回 {path}（替换那里的文件）即可再试。</translation>
    </message>
    <message>
        <source>the whole file ({error})</source>
        <translation>整个文件（{error}）</translation>
    </message>
    <message>
        <source>outbox row {id}</source>
        <translation>发件箱第 {id} 行</translation>
    </message>
    <message>
        <source>the program stopped while sending these</source>
        <extracomment>in the editor, not queued for sending queued: to be sent to its endpoint and device carried by a request that has not finished a request carrying it may or may not have stored it the platform answered errno 0 to a request carrying it the platform refused it (auth, validation); needs the user States a send takes (`unsent`, `unknown`); a row must be queued (`unsent`) to be sent. errno 0 an answer saying it was not stored (4xx, 5xx, errno != 0) or no connection it may have been stored: timeout after sending, dropped connection, odd answer rows -&gt; sent rows -&gt; failed rows -&gt; unknown never delivered (no connection, 429, 5xx, cancelled): rows back as they were `last_error` as a Message, shown in the reader&apos;s language (`stored_text`); None: `last_error` as is `error` as a Message, shown in the reader&apos;s language (stored with it: `gui.text.stored`); None: `error` as is where it went; THING: a OneJSON post (schema v5) `error` as a Message (the reader&apos;s language); None: `error` as is Texts the store wrote in English before messages were stored with their code (`gui.text.stored`).</extracomment>
        <translation>发送这些数据点时程序停止了</translation>
    </message>
</context>
<context>
    <name>target</name>
    <message>
        <source>incomplete ({why})</source>
        <extracomment>The file in the data directory that keeps the profiles (no keys).</extracomment>
        <translation>不完整（{why}）</translation>
    </message>
    <message>
        <source>{name}: {platform}, {where}</source>
        <translation>{name}：{platform}，{where}</translation>
    </message>
    <message>
        <source>legacy api-key</source>
        <extracomment>The endpoint stored for rows made for the window&apos;s embedded sandbox (resolved to its URL when sent). the api-key HTTP API: endpoint and device id (shared onenet-api.md) the current platform: device endpoint, product id + device name, token (&quot;The current platform&quot;)</extracomment>
        <translation>旧版 API Key 平台</translation>
    </message>
    <message>
        <source>current thing model</source>
        <translation>新版物模型平台</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>device {device} of product {product}</source>
        <translation>产品 {product} 的设备 {device}</translation>
    </message>
    <message>
        <source>device {device}</source>
        <translation>设备 {device}</translation>
    </message>
    <message>
        <source>{device} (sandbox)</source>
        <translation>{device}（沙盒）</translation>
    </message>
    <message>
        <source>{device} at {endpoint}</source>
        <translation>{device}，接入地址 {endpoint}</translation>
    </message>
</context>
<context>
    <name>typed_at</name>
    <message>
        <source>type a time, e.g. 2026-11-02 08:30:00</source>
        <translation>请输入时间，例如 2026-11-02 08:30:00</translation>
    </message>
    <message>
        <source>“{text}” is not read: with the day and month before the year, 07/12/2026 is 7 December or 12 July; type the year first, e.g. 2026-12-07 09:30</source>
        <translation>无法识别“{text}”：日和月写在年之前时，07/12/2026 既可能是 12 月 7 日，也可能是 7 月 12 日；请把年写在前面，例如 2026-12-07 09:30</translation>
    </message>
    <message>
        <source>“{text}” is not a time: type it as 2026-11-02 08:30:00</source>
        <translation>“{text}”不是时间：请按 2026-11-02 08:30:00 的格式输入</translation>
    </message>
    <message>
        <source>“{text}” has no time of day: type it too, e.g. 2026-12-07 09:30</source>
        <translation>“{text}”缺少时刻：请一并输入，例如 2026-12-07 09:30</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>unknown identifier</source>
        <extracomment>The data types of the platform&apos;s thing model (shared onenet-api.md, &quot;The current platform&quot;). A string property&apos;s length when its specs give none [L]: the console&apos;s largest (bytes of UTF-8). Each thing-model rule: its name as shown, and its reason (shared onenet-api.md, &quot;The current platform&quot;).</extracomment>
        <translation>标识符不存在</translation>
    </message>
    <message>
        <source>the product&apos;s thing model has no such property; the platform refuses the request</source>
        <translation>该产品的物模型中没有这个属性，平台会拒绝请求</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>类型不符</translation>
    </message>
    <message>
        <source>the value must be of the property&apos;s data type; the platform refuses the request</source>
        <translation>值必须符合属性的数据类型，否则平台会拒绝请求</translation>
    </message>
    <message>
        <source>not an integer</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>an int32 or int64 property takes whole numbers only</source>
        <translation>int32 或 int64 属性只接受整数</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>the value must lie within the property&apos;s min and max (and its type&apos;s range)</source>
        <translation>值必须在属性的最小值和最大值之间（也不能超出其类型的范围）</translation>
    </message>
    <message>
        <source>wrong bool</source>
        <translation>布尔值无效</translation>
    </message>
    <message>
        <source>a bool property takes true or false</source>
        <translation>bool 属性只接受 true 或 false</translation>
    </message>
    <message>
        <source>wrong enum</source>
        <translation>枚举值无效</translation>
    </message>
    <message>
        <source>an enum property takes one of the values its model lists</source>
        <translation>enum 属性只接受物模型中列出的值</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>a string property takes at most its model&apos;s length in bytes (UTF-8)</source>
        <translation>string 属性的长度不能超过物模型规定的字节数（UTF-8）</translation>
    </message>
    <message>
        <source>unknown member</source>
        <translation>成员不存在</translation>
    </message>
    <message>
        <source>a struct property takes only the members its model lists</source>
        <translation>struct 属性只接受物模型中列出的成员</translation>
    </message>
    <message>
        <source>missing member</source>
        <translation>缺少成员</translation>
    </message>
    <message>
        <source>a struct property&apos;s value must give every member its model lists</source>
        <translation>struct 属性的值必须包含物模型列出的每个成员</translation>
    </message>
    <message>
        <source>unsupported type</source>
        <translation>不支持的类型</translation>
    </message>
    <message>
        <source>this tool cannot enter values of this data type; send them from the device</source>
        <translation>本工具无法录入这种数据类型的值，请从设备端发送</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <extracomment>what is wrong, for a person (`gui.i18n.render`); a str is shown as it is (the sandbox&apos;s platform answer)</extracomment>
        <translation>{value} 不是 true 或 false</translation>
    </message>
    <message>
        <source>{size} bytes, more than the {limit} the model allows</source>
        <translation>{size} 字节，超过物模型允许的 {limit} 字节</translation>
    </message>
    <message>
        <source>the property is of type {type}</source>
        <translation>该属性的类型是 {type}</translation>
    </message>
    <message>
        <source>{value} is written as a decimal; write {whole}</source>
        <translation>{value} 写成了小数，请写作 {whole}</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} 不是整数</translation>
    </message>
    <message>
        <source>{value} is not a number JSON can carry</source>
        <translation>{value} 不是 JSON 能表示的数</translation>
    </message>
    <message>
        <source>{value} is outside the {type} range {low}..{high}</source>
        <translation>{value} 超出 {type} 的范围 {low}..{high}</translation>
    </message>
    <message>
        <source>{value} is outside {low}..{high}{unit}</source>
        <translation>{value} 超出 {low}..{high}{unit}</translation>
    </message>
    <message>
        <source>{value} is text; the model lists {listed}; did you mean {meant}?</source>
        <translation>{value} 是文字，物模型列出的是 {listed}；您是想写 {meant} 吗？</translation>
    </message>
    <message>
        <source>{value} is text; the model lists {listed}</source>
        <translation>{value} 是文字，物模型列出的是 {listed}</translation>
    </message>
    <message>
        <source>{value} is not one of {listed}</source>
        <translation>{value} 不在 {listed} 之中</translation>
    </message>
    <message>
        <source>member {member}: {value} is not a {type}</source>
        <translation>成员 {member}：{value} 不是 {type}</translation>
    </message>
    <message>
        <source>{value} is not a value of a {type} property</source>
        <translation>{value} 不是 {type} 属性的值</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>{value} is {kind}, the property is of type {type}</source>
        <translation>{value} 是{kind}，而该属性的类型是 {type}</translation>
    </message>
    <message>
        <source>{member} is not a member (members: {members})</source>
        <translation>{member} 不是成员（成员有：{members}）</translation>
    </message>
    <message>
        <source>member {member}: {what}</source>
        <translation>成员 {member}：{what}</translation>
    </message>
    <message>
        <source>no {members}</source>
        <translation>缺少 {members}</translation>
    </message>
    <message>
        <source>{identifier} is not in the model (properties: {known})</source>
        <translation>物模型中没有 {identifier}（属性有：{known}）</translation>
    </message>
    <message>
        <source>not in the model (properties: {known})</source>
        <translation>物模型中没有（属性有：{known}）</translation>
    </message>
    <message>
        <source>property {name}</source>
        <translation>属性 {name}</translation>
    </message>
    <message>
        <source>property {name}, datapoint #{n}</source>
        <translation>属性 {name}，第 {n} 个数据点</translation>
    </message>
    <message>
        <source>{where}: {what} — {title}: {reason}</source>
        <translation>{where}：{what} — {title}：{reason}</translation>
    </message>
    <message>
        <source>empty id</source>
        <extracomment>Stream id characters accepted without comment: letters (any script: the official SDK used Chinese ids), digits, `_ - .` (`pm2.5` is the docs&apos; own). Before this, an `at` is most likely a wrong format or zone. Each rule&apos;s name as shown, and its reason (shared onenet-api.md, cited per rule in `validate`): English sources of the &quot;validation&quot; context of the catalogues.</extracomment>
        <translation>ID 为空</translation>
    </message>
    <message>
        <source>the platform names a datastream by its id and cannot create one without</source>
        <translation>平台以 ID 标识数据流，没有 ID 就无法创建</translation>
    </message>
    <message>
        <source>unusual id</source>
        <translation>ID 不常见</translation>
    </message>
    <message>
        <source>the platform may reject characters other than letters, digits, _ - .</source>
        <translation>平台可能拒绝字母、数字、_ - . 以外的字符</translation>
    </message>
    <message>
        <source>NaN or infinity</source>
        <translation>NaN 或无穷大</translation>
    </message>
    <message>
        <source>not valid JSON: the platform cannot read it</source>
        <translation>不是有效的 JSON：平台无法读取</translation>
    </message>
    <message>
        <source>not text</source>
        <translation>不是文本</translation>
    </message>
    <message>
        <source>it holds a lone surrogate (e.g. \ud800), which no UTF-8 body can carry</source>
        <translation>其中含有孤立的代理字符（例如 \ud800），UTF-8 请求体无法承载</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>a JSON object this deep cannot be written</source>
        <translation>无法写出嵌套这么深的 JSON 对象</translation>
    </message>
    <message>
        <source>duplicate at</source>
        <translation>at 重复</translation>
    </message>
    <message>
        <source>datapoints of one stream with the same at overwrite each other, the last wins</source>
        <translation>同一数据流中 at 相同的数据点会互相覆盖，以最后一个为准</translation>
    </message>
    <message>
        <source>several without at</source>
        <translation>多个数据点不带 at</translation>
    </message>
    <message>
        <source>implausible at</source>
        <translation>at 不合理</translation>
    </message>
    <message>
        <source>likely a wrong time zone or time format</source>
        <translation>可能是时区或时间格式有误</translation>
    </message>
    <message>
        <source>large value</source>
        <translation>值过大</translation>
    </message>
    <message>
        <source>related OneNET endpoints cap bodies at 64 KB; the platform may reject it</source>
        <translation>OneNET 相关接口限制请求体为 64 KB；平台可能拒绝</translation>
    </message>
    <message>
        <source>text among numbers</source>
        <translation>数值中夹杂文本</translation>
    </message>
    <message>
        <source>the platform stores it as text (values may be numbers, strings or objects), not as the number it looks like</source>
        <translation>平台会将其存为文本（值可以是数值、字符串或对象），而不是它看起来像的数值</translation>
    </message>
    <message>
        <source>text like broken JSON</source>
        <translation>看似 JSON 但有误的文本</translation>
    </message>
    <message>
        <source>the platform stores it as text (values may be numbers, strings or objects), not as the object it looks like</source>
        <translation>平台会将其存为文本（值可以是数值、字符串或对象），而不是它看起来像的对象</translation>
    </message>
    <message>
        <source>not valid JSON: {what} (line {line}, column {column})</source>
        <translation>不是有效的 JSON：{what}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>not valid JSON: {what}</source>
        <translation>不是有效的 JSON：{what}</translation>
    </message>
    <message>
        <source>datastream {id}</source>
        <translation>数据流 {id}</translation>
    </message>
    <message>
        <source>datastream #{number} (no id)</source>
        <translation>第 {number} 个数据流（无 ID）</translation>
    </message>
    <message>
        <source>{stream}, datapoint #{point} (at {at})</source>
        <translation>{stream}，第 {point} 个数据点（at {at}）</translation>
    </message>
    <message>
        <source>{stream}, datapoint #{point} (no at)</source>
        <translation>{stream}，第 {point} 个数据点（不带 at）</translation>
    </message>
    <message>
        <source>its id</source>
        <translation>其 ID</translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation>没有 ID</translation>
    </message>
    <message>
        <source>consider {id}</source>
        <translation>建议使用 {id}</translation>
    </message>
    <message>
        <source>value {value}</source>
        <translation>值 {value}</translation>
    </message>
    <message>
        <source>its value</source>
        <translation>其值</translation>
    </message>
    <message>
        <source>each goes in a request of its own (of one request the platform keeps only the last) and is stamped with the time it arrives, milliseconds apart: give them an at to keep the times they were taken</source>
        <translation>每个都单独放在一个请求中发送（同一请求中平台只保留最后一个），时间为到达平台的时间，彼此只差几毫秒：要保留采集时间，请为它们填写 at</translation>
    </message>
    <message>
        <source>value {value} is text, {why}</source>
        <translation>值 {value} 是文本，{why}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>its value is {size} bytes, over 64 KiB</source>
        <translation>其值为 {size} 字节，超过 64 KiB</translation>
    </message>
    <message>
        <source>{at} (UTC+8) is before 2000</source>
        <translation>{at}（UTC+8）早于 2000 年</translation>
    </message>
    <message>
        <source>{at} (UTC+8) is more than 10 minutes in the future</source>
        <translation>{at}（UTC+8）比当前时间晚 10 分钟以上</translation>
    </message>
    <message>
        <source>{why}: the platform would store it as text</source>
        <translation>{why}：平台会将其存为文本</translation>
    </message>
    <message>
        <source>{a} or {b}</source>
        <translation>{a} 或 {b}</translation>
    </message>
    <message>
        <source>value {value} is text: did you mean {meant}?</source>
        <translation>值 {value} 是文本：是否想输入 {meant}？</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <source>{sent} datapoints sent: {found} found, {missing} missing, {different} different, {overwritten} overwritten (a later one had the same at), {unverifiable} unverifiable (no at)</source>
        <extracomment>Read back at its `at` with an equal value. Nothing read back at its `at`. Something else read back at its `at` (another value or kind). A later datapoint of the same stream and `at` replaced it: not expected on the platform. Sent without `at` (or unreadable alone): the platform stamped it, it cannot be found by time.</extracomment>
        <translation>已发送 {sent} 个数据点：找到 {found} 个，缺失 {missing} 个，不一致 {different} 个，已被覆盖 {overwritten} 个（之后有相同 at 的数据点），无法核对 {unverifiable} 个（不带 at）</translation>
    </message>
    <message>
        <source>sent without at: the platform stamped it with its own clock</source>
        <translation>发送时没有 at：平台按自己的时钟打上了时间</translation>
    </message>
    <message>
        <source>a datastream id with a comma cannot be read back alone</source>
        <translation>含逗号的数据流 ID 无法单独回读</translation>
    </message>
    <message>
        <source>a later datapoint of {stream} at {at} replaced it</source>
        <translation>{stream} 在 {at} 的一个后发数据点覆盖了它</translation>
    </message>
    <message>
        <source>sent a {sent}, the platform holds a {platform}</source>
        <translation>发送的是{sent}，平台上保存的是{platform}</translation>
    </message>
    <message>
        <source>the value differs</source>
        <translation>值不同</translation>
    </message>
    <message>
        <source>same number, written differently by the platform (JSON has one number type)</source>
        <translation>数值相同，只是平台的写法不同（JSON 只有一种数字类型）</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>json</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>nothing read back at this at</source>
        <translation>在这个 at 没有回读到数据</translation>
    </message>
    <message>
        <source>sent without at (a property post): the platform stamped it with its own clock</source>
        <translation>发送时没有 at（属性上报）：平台按自己的时钟打上了时间</translation>
    </message>
    <message>
        <source>a later value had the same time (ms)</source>
        <translation>后发的一个值时间相同（毫秒）</translation>
    </message>
    <message>
        <source>no thing model: read back as the kind of the value sent</source>
        <translation>没有物模型：按发送值的类型读取回读值</translation>
    </message>
    <message>
        <source>nothing read back at this time</source>
        <translation>在这个时间没有回读到数据</translation>
    </message>
    <message>
        <source>the platform holds {held}, which is not a value of the sent kind</source>
        <translation>平台上保存的是 {held}，不是发送值那种类型的值</translation>
    </message>
    <message>
        <source>{first}; {second}</source>
        <translation>{first}；{second}</translation>
    </message>
</context>
<context>
    <name>zones</name>
    <message>
        <source>no time zone given: type a name like Asia/Shanghai or an offset like UTC+8</source>
        <extracomment>The widest UTC offset accepted (the zones in use today span UTC-12:00 to UTC+14:00). Texts that mean UTC itself (any case). `UTC+8`, `GMT-3`, `+05:30`, `UTC+0530`, `utc + 8`; `−` (U+2212) is read as a minus sign. The start of an offset still being typed: `U`, `UTC`, `UTC+`, `+05:`.</extracomment>
        <translation>未指定时区：请输入 Asia/Shanghai 这样的名称，或 UTC+8 这样的偏移</translation>
    </message>
    <message>
        <source>{text!r} is not a time zone yet: continue it, e.g. {example}</source>
        <translation>{text!r} 还不是完整的时区：请继续输入，例如 {example}</translation>
    </message>
    <message>
        <source>{text!r} is an abbreviation, not a time zone: several zones share one (CST is China&apos;s, US Central&apos;s and Cuba&apos;s); type the zone&apos;s name, e.g. Asia/Shanghai, or its offset, e.g. UTC+8</source>
        <translation>{text!r} 是时区缩写，不是时区：多个时区共用同一缩写（CST 可指中国、美国中部和古巴的时间）；请输入时区名称（例如 Asia/Shanghai）或偏移（例如 UTC+8）</translation>
    </message>
    <message>
        <source>{text!r} is not a time zone: an offset is at most 14 hours (UTC-14:00 to UTC+14:00)</source>
        <translation>{text!r} 不是时区：偏移最多 14 小时（UTC-14:00 到 UTC+14:00）</translation>
    </message>
    <message>
        <source>{text!r} is not a time zone: an offset&apos;s minutes go from 00 to 59</source>
        <translation>{text!r} 不是时区：偏移的分钟数应为 00 到 59</translation>
    </message>
    <message>
        <source>{text!r} is not a time zone: type a name like Asia/Shanghai or an offset like UTC+8</source>
        <translation>{text!r} 不是时区：请输入 Asia/Shanghai 这样的名称，或 UTC+8 这样的偏移</translation>
    </message>
</context>
</TS>
