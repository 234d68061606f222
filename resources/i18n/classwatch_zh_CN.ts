<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../gui/banner.py" line="37"/>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../gui/banner.py" line="38"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/banner.py" line="62"/>
        <source> (+%n more)</source>
        <translation>
            <numerusform>（另有 %n 条）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlarmDetails</name>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="45"/>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="50"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="51"/>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="52"/>
        <source>Accept the next re-send of this push although it failed the check; it is stored and flagged, and the school&apos;s queue moves on.</source>
        <translation>接受此推送的下一次重发（尽管未通过校验）：它将被存储并标记，该学校的推送队列随即恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="54"/>
        <source>Fix secret…</source>
        <translation>修改密钥…</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="55"/>
        <source>Copy diagnostic</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="56"/>
        <source>Open lesson</source>
        <translation>打开课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="57"/>
        <source>Show user</source>
        <translation>查看用户</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="92"/>
        <source>No alarm selected</source>
        <translation>未选择告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="93"/>
        <source>Alarms appear here when a push is refused, acknowledgements get lost, pushes stop during live lessons, or a classroom asks for help.</source>
        <translation>推送被拒收、应答丢失、上课期间推送中断或教室发出求助时，告警会显示在这里。</translation>
    </message>
</context>
<context>
    <name>AlarmTexts</name>
    <message>
        <location filename="../../alarms/texts.py" line="81"/>
        <source>unknown school (no SID)</source>
        <translation>未知学校（无 SID）</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="83"/>
        <source>school {}</source>
        <translation>学校 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="88"/>
        <source>no lesson</source>
        <translation>无课节</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="90"/>
        <source>lesson {}</source>
        <translation>课节 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="95"/>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="73"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="74"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="75"/>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="184"/>
        <source>resolved {}</source>
        <translation>已解除 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="185"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="186"/>
        <source>open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="142"/>
        <source>microphone: disabled or absent</source>
        <translation>麦克风：已禁用或不存在</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="143"/>
        <source>microphone: no sound data</source>
        <translation>麦克风：无声音数据</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="144"/>
        <source>microphone: chosen device abnormal</source>
        <translation>麦克风：所选设备异常</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="145"/>
        <source>speaker: disabled or absent</source>
        <translation>扬声器：已禁用或不存在</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="146"/>
        <source>speaker: abnormal</source>
        <translation>扬声器：异常</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="147"/>
        <source>speaker: chosen device abnormal</source>
        <translation>扬声器：所选设备异常</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="148"/>
        <source>camera: disabled or absent</source>
        <translation>摄像头：已禁用或不存在</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="149"/>
        <source>camera: no picture</source>
        <translation>摄像头：无画面</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="150"/>
        <source>camera: chosen device abnormal</source>
        <translation>摄像头：所选设备异常</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="151"/>
        <source>no camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="152"/>
        <source>no microphone found</source>
        <translation>未找到麦克风</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="153"/>
        <source>delay test timed out</source>
        <translation>延迟测试超时</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="154"/>
        <source>device plugged/unplugged during the lesson</source>
        <translation>课中有设备插拔</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="156"/>
        <source>device check interrupted</source>
        <translation>设备检测中断</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="157"/>
        <source>media over TCP (UDP blocked?)</source>
        <translation>音视频走 TCP（UDP 可能被封锁）</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="158"/>
        <source>trouble starts at: the user&apos;s home network</source>
        <translation>问题起点：用户家庭网络</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="159"/>
        <source>trouble starts at: the internet provider</source>
        <translation>问题起点：网络运营商</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="160"/>
        <source>trouble starts at: the path to ClassIn</source>
        <translation>问题起点：到 ClassIn 的线路</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="163"/>
        <source>delay {} ms</source>
        <translation>延迟 {} ms</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="164"/>
        <source>packet loss {}%</source>
        <translation>丢包 {}%</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="165"/>
        <source>{}% of network probes degraded</source>
        <translation>{}% 的网络探测质量下降</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="166"/>
        <source>CPU overloaded {}% of the time</source>
        <translation>CPU 过载时间占 {}%</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="195"/>
        <source>body over the size limit</source>
        <translation>推送内容超出大小限制</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="196"/>
        <source>body of {} bytes is over the size limit</source>
        <translation>推送内容 {} 字节，超出大小限制</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="198"/>
        <source>no SID in the push</source>
        <translation>推送中没有 SID</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="199"/>
        <source>unknown SID {}: add the school with its secret</source>
        <translation>未知的 SID {}：请添加该学校及其密钥</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="201"/>
        <source>body is not JSON</source>
        <translation>推送内容不是 JSON</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="202"/>
        <source>body is JSON but not an object</source>
        <translation>推送内容是 JSON 但不是对象</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="204"/>
        <source>the SafeKey does not verify with the school&apos;s secret</source>
        <translation>SafeKey 无法用该学校的密钥校验通过</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="205"/>
        <source>no usable TimeStamp: the SafeKey cannot be verified</source>
        <translation>没有可用的 TimeStamp，无法校验 SafeKey</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="206"/>
        <source>a required parameter is missing</source>
        <translation>缺少必需的参数</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="207"/>
        <source>the Action parameter is not a number</source>
        <translation>Action 参数不是数字</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="208"/>
        <source>body is unreadable or unsafe XML</source>
        <translation>推送内容是无法读取或不安全的 XML</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="209"/>
        <source>acknowledged and held: the SafeKey does not verify</source>
        <translation>已确认并暂存：SafeKey 校验未通过</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="210"/>
        <source>too many pushes of this school are held already</source>
        <translation>该学校暂存的推送已达上限</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="211"/>
        <source>the body&apos;s compression is corrupt</source>
        <translation>请求体的压缩数据已损坏</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="226"/>
        <source>Since {}, last {}, {} time(s).</source>
        <translation>首次 {}，最近 {}，共 {} 次。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="229"/>
        <source>Acknowledged by {} at {}.</source>
        <translation>已由 {} 于 {} 确认。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="232"/>
        <source>Note: {}</source>
        <translation>备注：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="240"/>
        <source>a body that cannot be read as a push (no Cmd, no ClassID)</source>
        <translation>无法解析为推送的内容（无 Cmd、无 ClassID）</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="242"/>
        <source>Cmd {}, ClassID {}</source>
        <translation>Cmd {}，ClassID {}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="245"/>
        <source>ClassIn queue blocked: {}</source>
        <translation>ClassIn 推送队列阻塞：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="248"/>
        <source>Refused push: {}</source>
        <translation>被拒收的推送：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="249"/>
        <source>First refused: {}; ClassIn has sent it {} time(s).</source>
        <translation>首次拒收：{}；ClassIn 已发送 {} 次。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="252"/>
        <source>We answered HTTP {}: {}</source>
        <translation>我们向 ClassIn 返回了 HTTP {}（回复原文：{}）</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="253"/>
        <source>ClassIn re-sends it every 10 s and sends nothing else from this school until it is accepted.</source>
        <translation>ClassIn 每 10 秒重发一次，在它被接收之前不会再推送该学校的任何其他数据。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="257"/>
        <source>The body could not be kept in quarantine (storage failure).</source>
        <translation>推送内容未能存入隔离区（存储失败）。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="260"/>
        <source>This SID is not configured. Add the school with its SECRET in Settings; the next re-send is then accepted.</source>
        <translation>此 SID 尚未配置。请在“设置”中添加该学校及其 SECRET，下一次重发即会被接收。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="262"/>
        <source>The SafeKey does not match the secret saved for this school: the secret is probably wrong or was changed in ClassIn. Fix it in Settings (&quot;Fix secret…&quot;); the next re-send is then accepted. Release only if you trust the sender.</source>
        <translation>SafeKey 与该学校保存的密钥不匹配：密钥可能有误，或已在 ClassIn 中更改。请在“设置”中修改（“修改密钥…”），下一次重发即会被接收。仅在信任发送方时才放行。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="267"/>
        <source>The push has no usable TimeStamp, so its SafeKey cannot be checked. If it is genuine, Release it: the next re-send is stored and flagged.</source>
        <translation>该推送没有可用的 TimeStamp，无法校验 SafeKey。如确认推送真实，请放行：下一次重发将被存储并标记。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="270"/>
        <source>The body is not JSON and will never be readable. Release it: the next re-send is stored as text and flagged, and the queue moves on.</source>
        <translation>推送内容不是 JSON，永远无法解析。请放行：下一次重发将以文本形式存储并标记，队列随即恢复。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="273"/>
        <source>The body is JSON but not an object. Release it: the next re-send is stored and flagged, and the queue moves on.</source>
        <translation>推送内容是 JSON 但不是对象。请放行：下一次重发将被存储并标记，队列随即恢复。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="275"/>
        <source>The body is over the size limit. Release it so the queue moves on, or raise the limit if such pushes are expected.</source>
        <translation>推送内容超出大小限制。请放行以恢复队列；如果此类推送属正常情况，请提高限制。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="277"/>
        <source>Release it so the queue moves on; the next re-send is flagged.</source>
        <translation>请放行以恢复队列；下一次重发将被标记。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="299"/>
        <source>{}: no push for {} min</source>
        <translation>{}：已 {} 分钟没有推送</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="309"/>
        <source>Free disk space in the data folder or close programs locking the database. ClassIn retries (we answered HTTP 503), so nothing is lost meanwhile.</source>
        <translation>请释放数据文件夹所在磁盘的空间，或关闭锁定数据库的程序。ClassIn 会重试（我们回复了 HTTP 503），因此期间不会丢失任何推送。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="339"/>
        <source>{}: {}</source>
        <translation>{}：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="340"/>
        <source>{}; {}</source>
        <translation>{}；{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="346"/>
        <source>Device problems in {}: {} user(s)</source>
        <translation>设备问题 · {}：{} 名用户</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="369"/>
        <source>Network problems in {}: {} user(s)</source>
        <translation>网络问题 · {}：{} 名用户</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="400"/>
        <source>they carry no usable TimeStamp, so their SafeKey cannot be checked</source>
        <translation>推送没有可用的 TimeStamp，无法校验 SafeKey</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="402"/>
        <source>their SafeKey does not match the secret saved for this school</source>
        <translation>推送的 SafeKey 与该学校保存的密钥不符</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="404"/>
        <source>{} push(es) from this school were acknowledged and kept aside: {}.</source>
        <translation>该学校的 {} 条推送已确认收到并暂存：{}。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="406"/>
        <source>They are counted in no lesson until they are let in. Nothing is lost: ClassIn&apos;s queue keeps moving.</source>
        <translation>放行前它们不计入任何课节。数据不会丢失：ClassIn 的推送队列照常前进。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="409"/>
        <source>If the pushes are genuine, promote them in Settings (Schools) or with &apos;school trust SID --held&apos;.</source>
        <translation>如果这些推送是真实的，请在“设置”（学校）中放行，或运行 &apos;school trust SID --held&apos;。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="411"/>
        <source>Fix the school&apos;s secret in Settings: the kept pushes that then verify are let in within seconds, in their original order.</source>
        <translation>请在“设置”中更正该学校的密钥：随后能通过校验的暂存推送会在数秒内按原顺序放行。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="413"/>
        <source>Pushes held for verification: {}</source>
        <translation>推送暂存待校验：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="284"/>
        <source>Pushes re-sent: {}</source>
        <translation>推送被重发：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="285"/>
        <source>ClassIn sent {} push(es) again that we had already stored and acknowledged (last: Cmd {}).</source>
        <translation>ClassIn 重发了 {} 条我们已存储并应答过的推送（最近一条：Cmd {}）。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="287"/>
        <source>Our acknowledgements do not reach ClassIn: check the tunnel (Public URL in the status bar). Nothing is counted twice. The alarm clears after 10 quiet minutes.</source>
        <translation>我们的应答未能送达 ClassIn：请检查隧道（状态栏中的公网地址）。数据不会重复计算。10 分钟内无重发后告警自动解除。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="294"/>
        <source>No push from {} since {} although lessons are live.</source>
        <translation>{} 自 {} 起没有推送，但仍有课节正在上课。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="298"/>
        <source>Tunnel: {}</source>
        <translation>隧道：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="302"/>
        <source>Check the tunnel and this PC&apos;s internet connection. ClassIn keeps the pushes queued and re-sends them once the URL answers.</source>
        <translation>请检查隧道和本机的网络连接。ClassIn 会将推送保留在队列中，待地址恢复响应后重发。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="307"/>
        <source>Pushes cannot be stored</source>
        <translation>推送无法存储</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="388"/>
        <source>Pushes of {} relayed to {} have not been taken since {}.</source>
        <translation>{} 的推送转发到 {}，自 {} 起未被接收。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="390"/>
        <source>Last error: {}</source>
        <translation>最近错误：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="391"/>
        <source>A school&apos;s own system is not taking its pushes: {}</source>
        <translation>学校自己的系统未接收推送：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="393"/>
        <source>Check that system and its URL (Relay page). Nothing is lost: pushes wait and go in order once it answers errno 1; the alarm clears when it has caught up.</source>
        <translation>请检查该系统及其 URL（转发页面）。推送不会丢失：它们会排队等待，对方应答 errno 1 后按顺序发送；全部送达后告警自动解除。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="251"/>
        <location filename="../../alarms/texts.py" line="308"/>
        <location filename="../../alarms/texts.py" line="316"/>
        <source>Why: {}</source>
        <translation>原因：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="101"/>
        <source>{}, {}</source>
        <translation>{}、{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="112"/>
        <source>No live lesson is affected.</source>
        <translation>没有正在上的课受影响。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="121"/>
        <source>{} and {} more</source>
        <translation>{} 等，另有 {} 节</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="122"/>
        <source>{}: {} live lesson(s) affected: {}</source>
        <translation>{}：{} 节正在上的课受影响：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="132"/>
        <source>{} live lesson(s) affected</source>
        <translation>{} 节正在上的课受影响</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="315"/>
        <source>The public URL does not reach this PC</source>
        <translation>公网地址无法访问本机</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="317"/>
        <source>Restart the tunnel or check this PC&apos;s internet connection. ClassIn queues pushes meanwhile and re-sends them.</source>
        <translation>请重启隧道或检查本机的网络连接。期间 ClassIn 会将推送排队并重发。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="323"/>
        <source>From {} in {}.</source>
        <translation>来自 {}，课节：{}。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="324"/>
        <source>Message: {}</source>
        <translation>留言：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="325"/>
        <source>(no text)</source>
        <translation>（无内容）</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="328"/>
        <source>Concerns: {}</source>
        <translation>涉及：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="330"/>
        <source>Help request: {}</source>
        <translation>求助：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="331"/>
        <source>Contact the user or join the classroom, then Acknowledge.</source>
        <translation>请联系该用户或进入教室，然后点击“确认”。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="336"/>
        <source>In {}.</source>
        <translation>课节：{}。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="349"/>
        <source>Ask the user to check the cable and the system&apos;s camera/microphone permissions, choose another device in ClassIn&apos;s device settings, or restart ClassIn.</source>
        <translation>请用户检查连接线和系统的摄像头/麦克风权限，在 ClassIn 的设备设置中换用其他设备，或重启 ClassIn。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="355"/>
        <source>Ask the user to move closer to the Wi-Fi router, use a cable, or restart the router; stop downloads on the same network.</source>
        <translation>请用户靠近 Wi-Fi 路由器、改用网线或重启路由器，并停止同一网络中的下载。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="357"/>
        <source>The internet provider is struggling: a mobile hotspot is the quickest way out.</source>
        <translation>网络运营商线路不佳：改用手机热点是最快的解决办法。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="359"/>
        <source>The user&apos;s own network is fine; the route to ClassIn is not. Try a mobile hotspot or another network.</source>
        <translation>用户本地网络正常，但到 ClassIn 的线路有问题。请尝试手机热点或其他网络。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="367"/>
        <source>Ask the user to close other programs and downloads and, if it persists, switch networks.</source>
        <translation>请用户关闭其他程序和下载；如问题持续，请更换网络。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="376"/>
        <source>{} user(s) left abnormally (event 110) between {} and {}.</source>
        <translation>{} 名用户异常退出（事件 110），时间 {} 至 {}。</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="379"/>
        <source>Users: {}</source>
        <translation>用户：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="380"/>
        <source>Many abnormal leaves in Gensee room {}</source>
        <translation>Gensee 直播间 {} 大量异常退出</translation>
    </message>
    <message>
        <location filename="../../alarms/texts.py" line="382"/>
        <source>Likely a network or platform problem for the whole room: check Gensee&apos;s status and ask users to rejoin.</source>
        <translation>可能是整个直播间的网络或平台问题：请检查 Gensee 服务状态，并请用户重新进入。</translation>
    </message>
</context>
<context>
    <name>AlarmTray</name>
    <message>
        <location filename="../../gui/tray.py" line="71"/>
        <source>Show alarms</source>
        <translation>查看告警</translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="89"/>
        <source>ClassWatch — {} open alarm(s)</source>
        <translation>ClassWatch — {} 条未处理告警</translation>
    </message>
</context>
<context>
    <name>AlarmsModel</name>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="50"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="50"/>
        <source>Alarm</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="50"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="51"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="51"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="51"/>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="52"/>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="52"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="58"/>
        <source>First seen ({})</source>
        <translation>首次出现（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="92"/>
        <source>waiting</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="93"/>
        <source>resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="115"/>
        <source>A person waits for help: acknowledge it to say someone took it</source>
        <translation>有人在等待帮助：确认即表示已有人接手</translation>
    </message>
</context>
<context>
    <name>AlarmsView</name>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="126"/>
        <source>No alarms. They appear here when a push is refused, pushes stop during live lessons, a classroom asks for help, or users&apos; networks or devices fail.</source>
        <translation>没有告警。推送被拒收、上课期间推送中断、教室求助或用户网络与设备出现问题时，告警会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="139"/>
        <source>Filter alarms…</source>
        <translation>筛选告警…</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="150"/>
        <source>Open only</source>
        <translation>仅未解决</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="152"/>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="153"/>
        <source>Group by lesson</source>
        <translation>按课节分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="153"/>
        <source>Group by school</source>
        <translation>按学校分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="154"/>
        <source>Group by kind</source>
        <translation>按类型分组</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="165"/>
        <source>Note for the acknowledgement (optional)</source>
        <translation>确认备注（可选）</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="176"/>
        <source>Nobody is waiting for help.</source>
        <translation>没有人在等待帮助。</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="179"/>
        <source>Take it</source>
        <translation>我来处理</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="180"/>
        <source>Acknowledge the selected request with the note: the desk sees it is yours</source>
        <translation>带备注确认所选求助：其他同事可以看到由你处理</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="182"/>
        <source>Open lesson</source>
        <translation>打开课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="184"/>
        <source>Show user</source>
        <translation>查看用户</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="191"/>
        <source>All alarms</source>
        <translation>全部告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="192"/>
        <location filename="../../gui/views/alarms_view.py" line="271"/>
        <source>Help requests</source>
        <translation>求助</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="224"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="267"/>
        <source>{} open alarm(s), {} listed (resolved ones stay a week)</source>
        <translation>{} 个未解决告警，共列出 {} 个（已解决的保留一周）</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="270"/>
        <source>Help requests ({} waiting)</source>
        <translation>求助（{} 个等待中）</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="278"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="279"/>
        <source>All schools</source>
        <translation>所有学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="280"/>
        <source>All lessons</source>
        <translation>所有课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="293"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/alarms_view.py" line="304"/>
        <source>Acknowledge %n selected</source>
        <translation>
            <numerusform>确认所选 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/alarms_view.py" line="358"/>
        <source>%n alarm(s) acknowledged.</source>
        <translation>
            <numerusform>已确认 %n 条告警。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="401"/>
        <source>Released. Waiting for ClassIn&apos;s next re-send (within about 10 s): it will be accepted and flagged, and this alarm resolves.</source>
        <translation>已放行。正在等待 ClassIn 的下一次重发（约 10 秒内）：它将被接收并标记，随后此告警解除。</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="413"/>
        <source>ClassIn re-sent the released push at {}: it was stored (flagged as released, push #{}) and the school&apos;s queue moves on. It had been refused {} time(s) since {}.</source>
        <translation>ClassIn 于 {} 重发了已放行的推送：已存储（标记为放行，推送 #{}），该学校的推送队列恢复。此前已被拒收 {} 次，首次在 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="403"/>
        <source>Nothing to release: this push was already accepted.</source>
        <translation>无需放行：该推送已被接收。</translation>
    </message>
</context>
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../gui/app_window.py" line="135"/>
        <source>ClassWatch</source>
        <translation>ClassWatch</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="135"/>
        <source> — demo</source>
        <translation> — 演示</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="193"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="194"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="196"/>
        <source>&amp;Rebuild lessons and charts…</source>
        <translation>重建课节和图表(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="199"/>
        <source>A team store is rebuilt by the team&apos;s serve.</source>
        <translation>团队共用的数据库由团队的 serve 重建。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="201"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="203"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="204"/>
        <source>&amp;Find a person or lesson…</source>
        <translation>查找人员或课节(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="206"/>
        <source>Copy &amp;diagnostic</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="208"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="209"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="213"/>
        <source>Times in each school&apos;s zone</source>
        <translation>时间按各学校时区显示</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="214"/>
        <source>Times in this PC&apos;s zone</source>
        <translation>时间按本机时区显示</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="225"/>
        <source>&amp;Alarms</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="226"/>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="294"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="349"/>
        <source>The receiver could not start: {}. Choose another port in Settings or close the other program using it.</source>
        <translation>接收端无法启动：{}。请在“设置”中更换端口，或关闭占用该端口的程序。</translation>
    </message>
</context>
<context>
    <name>AttendeesModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="292"/>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="292"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="292"/>
        <source>Inside now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="293"/>
        <source>Joins</source>
        <translation>进入</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="293"/>
        <source>Leaves</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="293"/>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="294"/>
        <source>First joined</source>
        <translation>首次进入</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="294"/>
        <source>Last seen</source>
        <translation>最后活动</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="304"/>
        <location filename="../../gui/models/gensee_models.py" line="318"/>
        <source>● inside</source>
        <translation>● 在场</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="306"/>
        <location filename="../../gui/models/gensee_models.py" line="318"/>
        <source>stayed to the end</source>
        <translation>留到结束</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="307"/>
        <location filename="../../gui/models/gensee_models.py" line="318"/>
        <source>⚠ dropped out</source>
        <translation>⚠ 异常掉线</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="307"/>
        <location filename="../../gui/models/gensee_models.py" line="318"/>
        <source>left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="308"/>
        <location filename="../../gui/models/gensee_models.py" line="319"/>
        <source>left (end page)</source>
        <translation>已离开（结束页）</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="346"/>
        <source>Gensee status calls carry no names: names come from Q&amp;A and end pages.</source>
        <translation>Gensee 状态回调不含姓名：姓名来自问答和结束页。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="348"/>
        <source>By this session&apos;s joins (101) and leaves (107, 110, end page).</source>
        <translation>依据本场的进入（101）和离开（107、110、结束页）统计。</translation>
    </message>
</context>
<context>
    <name>ChannelsPanel</name>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="24"/>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="25"/>
        <source>DingTalk</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="26"/>
        <source>Feishu / Lark</source>
        <translation>飞书 / Lark</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="27"/>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="28"/>
        <source>Webhook (JSON)</source>
        <translation>Webhook（JSON）</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="37"/>
        <source>No chat robot yet: once you add one below, alarms reach the team&apos;s chat (WeCom, DingTalk, Feishu / Lark, Slack or any webhook).</source>
        <translation>还没有聊天机器人：在下面添加一个后，告警会发到团队的群聊（企业微信、钉钉、飞书 / Lark、Slack 或任意 Webhook）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="39"/>
        <location filename="../../gui/views/channels_panel.py" line="71"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="39"/>
        <location filename="../../gui/views/channels_panel.py" line="72"/>
        <source>Robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="39"/>
        <source>Sends from</source>
        <translation>发送级别</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="40"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="40"/>
        <source>Last sent</source>
        <translation>上次发送</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="40"/>
        <source>Delivery</source>
        <translation>投递状态</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="50"/>
        <source>e.g. support desk group</source>
        <translation>例如：值班群</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="58"/>
        <source>Info and above</source>
        <translation>提示及以上</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="58"/>
        <source>Warnings and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="59"/>
        <source>Critical only</source>
        <translation>仅严重</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="63"/>
        <source>Save channel</source>
        <translation>保存通道</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="64"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="65"/>
        <source>Send test message</source>
        <translation>发送测试消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="73"/>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="74"/>
        <source>Signing secret</source>
        <translation>加签密钥</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="75"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="84"/>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="88"/>
        <source>Alarms at or above a channel&apos;s level go to its chat as they open, and critical ones again when they resolve. A burst is one message; at most 20 messages a minute per chat (the robots&apos; limit), the rest summed up in one.</source>
        <translation>达到通道级别的告警在产生时发到对应群聊，严重告警在解除时再发一次。同一波告警合并为一条消息；每个群每分钟最多 20 条（机器人的限制），其余合并为一条汇总。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="117"/>
        <location filename="../../gui/views/channels_panel.py" line="123"/>
        <source>nothing to send yet</source>
        <translation>尚无需发送的消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="119"/>
        <source>FAILING since {}: {} ({} waiting)</source>
        <translation>自 {} 起发送失败：{}（{} 条待发）</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="122"/>
        <source>{} alarms waiting</source>
        <translation>{} 条告警待发</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="123"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="175"/>
        <source>unchanged: {}</source>
        <translation>不变：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="176"/>
        <source>the robot&apos;s webhook address</source>
        <translation>机器人的 Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="178"/>
        <source>unchanged (leave empty to keep it)</source>
        <translation>不变（留空则保留）</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="179"/>
        <source>the robot&apos;s signing secret, if it has one</source>
        <translation>机器人的加签密钥（如有）</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="180"/>
        <source>not used: this robot&apos;s key is in its URL</source>
        <translation>不需要：此机器人的密钥在地址中</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="199"/>
        <source>The name must be 1-{} printable characters.</source>
        <translation>名称须为 1–{} 个可打印字符。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="200"/>
        <source>The URL must be a web address starting with http:// or https://.</source>
        <translation>地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="201"/>
        <source>This robot takes no signing secret.</source>
        <translation>此机器人不使用加签密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="208"/>
        <source>Saved channel {}. Send a test message to check it.</source>
        <translation>已保存通道 {}。请发送测试消息检查。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="215"/>
        <source>Removed channel {}.</source>
        <translation>已删除通道 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="223"/>
        <source>Sending a test message to {}…</source>
        <translation>正在向 {} 发送测试消息…</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="229"/>
        <source>Test message sent to {}: check the chat.</source>
        <translation>测试消息已发送到 {}：请查看群聊。</translation>
    </message>
    <message>
        <location filename="../../gui/views/channels_panel.py" line="231"/>
        <source>Test message to {} failed: {}</source>
        <translation>发送测试消息到 {} 失败：{}</translation>
    </message>
</context>
<context>
    <name>ChatMessages</name>
    <message>
        <location filename="../../alarms/channels/compose.py" line="93"/>
        <source>School {}</source>
        <translation>学校 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="96"/>
        <source>Lesson {}</source>
        <translation>课节 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="98"/>
        <source>User {}</source>
        <translation>用户 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="108"/>
        <source>Resolved</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="118"/>
        <source>{} alarms in lesson {}</source>
        <translation>{} 条告警，课节 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="121"/>
        <source>{} alarms: {}</source>
        <translation>{} 条告警：{}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="136"/>
        <source>Resolved at {}</source>
        <translation>解除于 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="139"/>
        <source>Since {}</source>
        <translation>开始于 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="142"/>
        <source>Seen {} times</source>
        <translation>共出现 {} 次</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="150"/>
        <source>Latest at {}</source>
        <translation>最近一次 {}</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="161"/>
        <source>{} alarms while this chat could not be reached</source>
        <translation>本群无法送达期间有 {} 条告警</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="162"/>
        <source>{} more alarms (at most 20 messages a minute)</source>
        <translation>另有 {} 条告警（每分钟最多 20 条消息）</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="168"/>
        <source>{} older alarms were left out (too many waiting)</source>
        <translation>{} 条较早的告警未发送（等待的太多）</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="174"/>
        <source>… and {} more</source>
        <translation>……另有 {} 条</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="177"/>
        <source>ClassWatch test message</source>
        <translation>ClassWatch 测试消息</translation>
    </message>
    <message>
        <location filename="../../alarms/channels/compose.py" line="178"/>
        <source>Alarms will arrive in this chat (channel &quot;{}&quot;).</source>
        <translation>告警将发送到本群（通道“{}”）。</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../gui/models/checks_model.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="55"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="55"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="55"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="56"/>
        <source>Check</source>
        <translation>检测类型</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="57"/>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="57"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="57"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="58"/>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="58"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="58"/>
        <source>Machine</source>
        <translation>设备信息</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="62"/>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="63"/>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="115"/>
        <source>{}: {}</source>
        <translation>{}：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="62"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="49"/>
        <source>Time ({})</source>
        <translation>时间（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="56"/>
        <source>Mic</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="63"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="63"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="77"/>
        <location filename="../../gui/models/checks_model.py" line="86"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="77"/>
        <source>PROBLEM</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="77"/>
        <source>not tested</source>
        <translation>未检测</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="78"/>
        <source>not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="81"/>
        <source>in class</source>
        <translation>课中</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="81"/>
        <source>before class</source>
        <translation>课前</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="86"/>
        <source>⚠ problem</source>
        <translation>⚠ 异常</translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="102"/>
        <source>{} ms</source>
        <translation>{} ms</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../gui/views/checks_view.py" line="55"/>
        <source>Search by UID, name or phone</source>
        <translation>按 UID、姓名或手机号搜索</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="58"/>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="58"/>
        <source>Problems only</source>
        <translation>仅看异常</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="59"/>
        <source>In-class checks</source>
        <translation>课中检测</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="60"/>
        <source>Before-class checks</source>
        <translation>课前检测</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="65"/>
        <source>No device check matches: they come before and during lessons.</source>
        <translation>没有符合条件的设备检测：检测发生在课前和课中。</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="69"/>
        <source>Select a user to see all of their checks.</source>
        <translation>选择一个用户，查看其全部检测记录。</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="93"/>
        <source>Device checks</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="129"/>
        <source>{} check(s), {} with problems</source>
        <translation>{} 次检测，{} 次有异常</translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="152"/>
        <source>Checks of {}</source>
        <translation>{} 的检测记录</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="24"/>
        <source>no alarm channels: python main.py alarm-channel add NAME --kind KIND --url URL</source>
        <translation>没有告警通道：python main.py alarm-channel add NAME --kind KIND --url URL</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="26"/>
        <source>the name must be 1-{} printable characters</source>
        <translation>名称须为 1-{} 个可打印字符</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="27"/>
        <source>unknown kind</source>
        <translation>未知的通道类型</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="28"/>
        <source>the URL must be a web address starting with http:// or https://</source>
        <translation>URL 必须是以 http:// 或 https:// 开头的网址</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="29"/>
        <source>--secret is for {} channels; a {} robot&apos;s key is in its URL</source>
        <translation>--secret 仅用于 {} 通道；{} 机器人的密钥已包含在其 URL 中</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="31"/>
        <source>no channel {}</source>
        <translation>没有告警通道 {}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="70"/>
        <source>channel {} saved ({}, {}, signed, from {})</source>
        <translation>已保存告警通道 {}（{}，{}，已加签，{}及以上）</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="71"/>
        <source>channel {} saved ({}, {}, from {})</source>
        <translation>已保存告警通道 {}（{}，{}，{}及以上）</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="77"/>
        <source>channel {} removed</source>
        <translation>已删除告警通道 {}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="85"/>
        <source>test message to {} ({}) failed: {}</source>
        <translation>向 {}（{}）发送测试消息失败：{}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="87"/>
        <source>test message sent to {} ({})</source>
        <translation>已向 {}（{}）发送测试消息</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="102"/>
        <source>signed</source>
        <translation>已加签</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="102"/>
        <source>not signed</source>
        <translation>未加签</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="104"/>
        <source>from {}</source>
        <translation>{}及以上</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="111"/>
        <source>delivery: nothing sent yet by a running serve or app</source>
        <translation>投递状态：运行中的 serve 或应用尚未发送过消息</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="113"/>
        <source>last sent: {}  queued: {}  sent: {}  left out: {}</source>
        <translation>上次发送：{}  排队：{}  已发送：{}  已丢弃：{}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="116"/>
        <source> (next try {})</source>
        <translation>（下次尝试：{}）</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="118"/>
        <source>FAILING since {}: {}</source>
        <translation>自 {} 起发送失败：{}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="121"/>
        <source>last error: {}: {}</source>
        <translation>最近错误：{}：{}</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="125"/>
        <source>(delivery state as of {})</source>
        <translation>（投递状态截至 {}）</translation>
    </message>
    <message>
        <location filename="../../cli/alarm_channel_cmd.py" line="126"/>
        <source>(delivery state as of {}; no serve or app has updated it since)</source>
        <translation>（投递状态截至 {}；此后没有运行中的 serve 或应用更新过）</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="37"/>
        <source>no alarm with id {} (no database in {})</source>
        <translation>没有 ID 为 {} 的告警（{} 中没有数据库）</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="43"/>
        <source>no alarm with id {} (`alarms --all` lists them)</source>
        <translation>没有 ID 为 {} 的告警（`alarms --all` 可列出全部告警）</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="45"/>
        <source>acknowledged {} by {}</source>
        <translation>已确认 {}（确认人：{}）</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="46"/>
        <source>acknowledged {}</source>
        <translation>已确认 {}</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="63"/>
        <source>no alarms</source>
        <translation>没有告警</translation>
    </message>
    <message>
        <location filename="../../cli/alarms_cmd.py" line="64"/>
        <source>no open alarms</source>
        <translation>没有未处理告警</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="24"/>
        <source>no relay destinations: python main.py relay add NAME --sid SID --url URL</source>
        <translation>没有转发目标：python main.py relay add NAME --sid SID --url URL</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="76"/>
        <source>relay {} removed ({} pending push(es) dropped)</source>
        <translation>已删除转发目标 {}（丢弃了 {} 条待发送的推送）</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="79"/>
        <source>relay {} paused</source>
        <translation>已暂停转发目标 {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="80"/>
        <source>relay {} resumed</source>
        <translation>已恢复转发目标 {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="82"/>
        <source>relay {}: {} push(es) queued again</source>
        <translation>转发目标 {}：已重新排队 {} 条推送</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="90"/>
        <source>no relay destination {!r} (see: python main.py relay list)</source>
        <translation>没有名为 {!r} 的转发目标（查看：python main.py relay list）</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="97"/>
        <source>the name is empty</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="107"/>
        <source>--cmd names no Cmd (e.g. --cmd End,Net)</source>
        <translation>--cmd 没有指定任何 Cmd（例如 --cmd End,Net）</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="112"/>
        <source>a relay named {!r} exists (remove it first)</source>
        <translation>名为 {!r} 的转发目标已存在（请先删除）</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="115"/>
        <source>relay {} added: every push of school {} stored from now on goes to {}</source>
        <translation>已添加转发目标 {}：学校 {} 从现在起存储的每条推送都会转发到 {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="118"/>
        <source>relay {} added: Cmd {} of school {} stored from now on goes to {}</source>
        <translation>已添加转发目标 {}：从现在起存储的 Cmd {} 推送（学校 {}）会转发到 {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="128"/>
        <location filename="../../cli/school_cmd.py" line="87"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="128"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="129"/>
        <source>CMDS</source>
        <translation>Cmd</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="129"/>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="130"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="130"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="131"/>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="165"/>
        <source>{} (paused): school {} -&gt; {}</source>
        <translation>{}（已暂停）：学校 {} -&gt; {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="166"/>
        <source>{}: school {} -&gt; {}</source>
        <translation>{}：学校 {} -&gt; {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="169"/>
        <source>delivered {}, pending {}, oldest pending {}, failing no</source>
        <translation>已送达 {}，待发送 {}，最早待发送 {}，未失败</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="172"/>
        <source>delivered {}, pending {}, oldest pending {}, failing since {}</source>
        <translation>已送达 {}，待发送 {}，最早待发送 {}，失败开始于 {}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="176"/>
        <source>last error: {}</source>
        <translation>最近错误：{}</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="183"/>
        <source>{} s</source>
        <translation>{} 秒</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="185"/>
        <source>{} min {} s</source>
        <translation>{} 分 {} 秒</translation>
    </message>
    <message>
        <location filename="../../cli/relay_cmd.py" line="186"/>
        <source>{} h {} min</source>
        <translation>{} 小时 {} 分</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="21"/>
        <source>no school {}</source>
        <translation>没有学校 {}</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="22"/>
        <source>no schools configured: python main.py school add SID --secret SECRET --name NAME</source>
        <translation>尚未配置学校：python main.py school add SID --secret SECRET --name NAME</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="24"/>
        <source>hold</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="24"/>
        <source>strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="25"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="58"/>
        <source>the secret is empty</source>
        <translation>密钥为空</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="64"/>
        <source>unknown time zone {!r} (e.g. Asia/Shanghai)</source>
        <translation>未知时区 {!r}（例如 Asia/Shanghai）</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="67"/>
        <source>school {} saved ({}, {}, verify {})</source>
        <translation>已保存学校 {}（{}，{}，校验：{}）</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="68"/>
        <source>no name</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="76"/>
        <source>school {} removed</source>
        <translation>已删除学校 {}</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="86"/>
        <source>TIMEZONE</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="86"/>
        <source>SECRET</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="87"/>
        <source>VERIFY</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="88"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="100"/>
        <source>school {}: the running receiver lets its held pushes in within seconds</source>
        <translation>学校 {}：正在运行的接收端会在几秒内放行其暂存的推送</translation>
    </message>
    <message>
        <location filename="../../cli/school_cmd.py" line="110"/>
        <source>school {}: {} held push(es) let in, {} still held</source>
        <translation>学校 {}：已放行 {} 条暂存的推送，仍有 {} 条暂存</translation>
    </message>
    <message>
        <location filename="../../cli/db_cmd.py" line="40"/>
        <source>{}: {} read, {} new</source>
        <translation>{}：已读取 {} 条，新增 {} 条</translation>
    </message>
    <message>
        <location filename="../../cli/db_cmd.py" line="47"/>
        <source>{} of {} {} rows new</source>
        <translation>新增 {} 行，共 {} 行（{} 表）</translation>
    </message>
    <message>
        <location filename="../../cli/db_cmd.py" line="49"/>
        <source>copied {} into {} in {:.1f} s: {}</source>
        <translation>已将 {} 复制到 {}，用时 {:.1f} 秒：{}</translation>
    </message>
    <message>
        <location filename="../../cli/words.py" line="16"/>
        <source>SID must be a positive number</source>
        <translation>SID 必须是正整数</translation>
    </message>
    <message>
        <location filename="../../cli/events_cmd.py" line="79"/>
        <source>--follow follows accepted pushes; it cannot be combined with --quarantined</source>
        <translation>--follow 只跟随已接收的推送，不能与 --quarantined 同时使用</translation>
    </message>
    <message>
        <location filename="../../cli/events_cmd.py" line="85"/>
        <source>following again</source>
        <translation>已重新连接，继续跟踪新推送</translation>
    </message>
    <message>
        <location filename="../../cli/events_cmd.py" line="86"/>
        <source>{}; reconnecting...</source>
        <translation>{}；正在重新连接……</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="26"/>
        <source>--to is before --from</source>
        <translation>--to 早于 --from</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="27"/>
        <source>--format {} needs --out FILE</source>
        <translation>--format {} 需要 --out FILE</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="28"/>
        <source>wrote {}</source>
        <translation>已写入 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="29"/>
        <source>{} is open in another program (Excel?) and cannot be replaced: wrote {} instead</source>
        <translation>{} 已在其他程序（Excel？）中打开，无法替换：已改为写入 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="66"/>
        <source>{} and {}</source>
        <translation>{} 和 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="67"/>
        <source>{} belong to a batch export (--from): not with {}</source>
        <translation>{} 用于批量导出（--from），不能与 {} 同时使用</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="69"/>
        <source>{} belongs to a batch export (--from): not with {}</source>
        <translation>{} 用于批量导出（--from），不能与 {} 同时使用</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="87"/>
        <source>--out {} is a .{} file but --format is {}</source>
        <translation>--out {} 是 .{} 文件，但 --format 为 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="90"/>
        <source>cannot tell the format from --out {}: give --format ({})</source>
        <translation>无法从 --out {} 判断格式：请指定 --format（{}）</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="115"/>
        <source>no lesson with ClassID {} in {}</source>
        <translation>没有 ClassID 为 {} 的课节（数据目录：{}）</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="121"/>
        <source>no lessons between {} and {}</source>
        <translation>{} 至 {} 之间没有课节</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="134"/>
        <source>--school goes with --from/--to, not --class-id</source>
        <translation>--school 须与 --from/--to 一起使用，不能与 --class-id 同用</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="136"/>
        <source>--school needs --out FILE (.xlsx or .csv)</source>
        <translation>--school 需要 --out FILE（.xlsx 或 .csv）</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="140"/>
        <source>a school report is xlsx or csv (--format, or the --out extension)</source>
        <translation>学校报表只能是 xlsx 或 csv（由 --format 或 --out 的扩展名指定）</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="153"/>
        <source>{} {}</source>
        <translation>{} 条{}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="155"/>
        <source>nothing</source>
        <translation>无内容</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="156"/>
        <source>wrote {} ({})</source>
        <translation>已写入 {}（{}）</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="168"/>
        <source>no Gensee room {!r} has called this receiver</source>
        <translation>Gensee 房间 {!r} 从未回调过本接收端</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="190"/>
        <source>--out {} is a folder: give a file name, e.g. {}</source>
        <translation>--out {} 是文件夹：请给出文件名，例如 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="193"/>
        <source>--out {} is a file: a batch export needs a folder</source>
        <translation>--out {} 是文件：批量导出需要一个文件夹</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="203"/>
        <source>cannot write {}: part of that path is a file, not a folder</source>
        <translation>无法写入 {}：该路径中有一部分是文件，而不是文件夹</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="207"/>
        <source>cannot write {}: {}</source>
        <translation>无法写入 {}：{}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="210"/>
        <source>the earlier file is open in another program: wrote {} instead</source>
        <translation>原文件已在其他程序中打开：已改为写入 {}</translation>
    </message>
    <message>
        <location filename="../../cli/export_cmd.py" line="212"/>
        <source>wrote {} lesson(s) to {}</source>
        <translation>已将 {} 节课写入 {}</translation>
    </message>
</context>
<context>
    <name>Diagnostic</name>
    <message>
        <location filename="../../gui/diagnostic.py" line="34"/>
        <source>Copied ✓</source>
        <translation>已复制 ✓</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="49"/>
        <source>ClassWatch diagnostic · {}</source>
        <translation>ClassWatch 诊断信息 · {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="54"/>
        <source>Lesson: {} (ClassID {}) · {} · {} – {} · {} · teacher {}</source>
        <translation>课节：{}（ClassID {}）· {} · {} – {} · {} · 老师 {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="57"/>
        <source>live</source>
        <translation>上课中</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="57"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="61"/>
        <source>in class</source>
        <translation>课中</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="61"/>
        <source>before class</source>
        <translation>课前</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="62"/>
        <location filename="../../gui/diagnostic.py" line="70"/>
        <source>no problem</source>
        <translation>无问题</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="63"/>
        <source>Device check {} ({}): {} · ClassIn {} · CPU {} · {}</source>
        <translation>{}设备检测（{}）：{} · ClassIn {} · CPU {} · {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="71"/>
        <source>Network ({}, last 5 min): {} of probes degraded · delay {} · loss {} · {} · {}</source>
        <translation>网络（{}，最近 5 分钟）：{} 的探测质量下降 · 延迟 {} · 丢包 {} · {} · {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="79"/>
        <source>Timeline (last {}, {}):</source>
        <translation>动态（最近 {} 条，{}）：</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="93"/>
        <source>User: {} (UID {}) · not in this lesson</source>
        <translation>用户：{}（UID {}）· 不在本课节</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="98"/>
        <source>User: {} (UID {}) · {} · {}</source>
        <translation>用户：{}（UID {}）· {} · {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="101"/>
        <source>Presence: {} · {} entr(ies) · {} drop(s) · attended {}</source>
        <translation>在场：{} · 进入 {} 次 · 掉线 {} 次 · 在课时长 {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="102"/>
        <source>in the room</source>
        <translation>在教室</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="102"/>
        <source>not in the room</source>
        <translation>不在教室</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="107"/>
        <source>Device check: none received</source>
        <translation>设备检测：未收到</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="108"/>
        <source>Network: no report yet</source>
        <translation>网络：尚无报告</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="117"/>
        <source>People: {} inside · {} in the list · {} on the roster</source>
        <translation>人员：在教室 {} 人 · 名单 {} 人 · 花名册 {} 人</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="121"/>
        <source>In trouble now ({}):</source>
        <translation>当前有问题（{}）：</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="128"/>
        <source>Open alarms ({}):</source>
        <translation>未处理告警（{}）：</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="136"/>
        <source>Alarm: {} · {} · {}</source>
        <translation>告警：{} · {} · {}</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostic.py" line="138"/>
        <source>What to do: {}</source>
        <translation>处理建议：{}</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <location filename="../../gui/export_job.py" line="29"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="30"/>
        <source>PDF report (.pdf)</source>
        <translation>PDF 报告 (.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="31"/>
        <source>CSV for Excel: words, h:mm (.csv)</source>
        <translation>给 Excel 用的 CSV：文字、时:分 (.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="32"/>
        <source>CSV for scripts: raw values (.csv)</source>
        <translation>给程序用的 CSV：原始数值 (.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="33"/>
        <source>JSON for scripts (.json)</source>
        <translation>给程序用的 JSON (.json)</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="83"/>
        <source>%v of %m lessons</source>
        <translation>%v / %m 节课</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="88"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="90"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="121"/>
        <source>Export {} lesson(s)</source>
        <translation>导出 {} 个课节</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="123"/>
        <source>{} files (*.{})</source>
        <translation>{} 文件 (*.{})</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="140"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="157"/>
        <source>Exporting {} lesson(s)…</source>
        <translation>正在导出 {} 个课节…</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="167"/>
        <source>Writing {}…</source>
        <translation>正在写入 {}…</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="171"/>
        <source>{} is open in another program (Excel?): exported {} lesson(s) to {} instead</source>
        <translation>{} 正被其他程序（Excel？）打开：已将 {} 节课导出到 {}</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="174"/>
        <source>Exported {} lesson(s) to {}</source>
        <translation>已导出 {} 个课节到 {}</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="176"/>
        <source>Nothing exported: no stored pushes for these lessons.</source>
        <translation>未导出：这些课节没有已存储的推送。</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="178"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/export_job.py" line="180"/>
        <source>Export failed: {}</source>
        <translation>导出失败：{}</translation>
    </message>
</context>
<context>
    <name>Finder</name>
    <message>
        <location filename="../../gui/views/finder.py" line="35"/>
        <source>Find a student or teacher (name, UID, phone) or a lesson…</source>
        <translation>查找学生或老师（姓名、UID、手机号）或课节…</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="76"/>
        <source>Nobody and no lesson of today matches “{}”.</source>
        <translation>今天没有与“{}”匹配的人员或课节。</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="85"/>
        <source>live now</source>
        <translation>正在上课</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="85"/>
        <source>earlier today, {}</source>
        <translation>今天早些时候，{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="86"/>
        <source>earlier today</source>
        <translation>今天早些时候</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="88"/>
        <source>Lesson {} · ClassID {} · {}</source>
        <translation>课节 {} · ClassID {} · {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/finder.py" line="89"/>
        <source>{} · UID {} · in {} · {}</source>
        <translation>{} · UID {} · 在 {} · {}</translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../gui/first_run.py" line="44"/>
        <source>Welcome to ClassWatch</source>
        <translation>欢迎使用 ClassWatch</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="46"/>
        <source>Three steps connect a ClassIn school. ClassIn sends every classroom event to one URL; ClassWatch stores it and shows it live.</source>
        <translation>三步接入一所 ClassIn 学校。ClassIn 会把教室中的每个事件推送到同一个地址，ClassWatch 负责存储并实时展示。</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="51"/>
        <source>Save school</source>
        <translation>保存学校</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="58"/>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="59"/>
        <source>Send test push</source>
        <translation>发送测试推送</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="63"/>
        <source>Open the full settings</source>
        <translation>打开完整设置</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="68"/>
        <source>1. Your school&apos;s SID and SECRET (ClassIn admin → data subscription)</source>
        <translation>1. 学校的 SID 和 SECRET（ClassIn 管理后台 → 数据订阅）</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="75"/>
        <source>2. Give ClassIn this push URL</source>
        <translation>2. 将此推送地址填入 ClassIn</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="81"/>
        <source>3. Check that it works</source>
        <translation>3. 测试是否可用</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="118"/>
        <source>Saved school {}.</source>
        <translation>已保存学校 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="129"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="137"/>
        <source>Done — open the full settings</source>
        <translation>完成 — 打开完整设置</translation>
    </message>
</context>
<context>
    <name>Freshness</name>
    <message>
        <location filename="../../gui/views/freshness.py" line="50"/>
        <source>{}: data may be stale — ClassIn&apos;s queue is blocked by a refused push; no push stored for {} s.</source>
        <translation>{}：数据可能已过时——ClassIn 推送队列被一条拒收的推送阻塞，已 {} 秒没有存入推送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/freshness.py" line="53"/>
        <source>{}: data may be stale — no push for {} s although lessons are live.</source>
        <translation>{}：数据可能已过时——仍有课节在上课，但已 {} 秒没有推送。</translation>
    </message>
</context>
<context>
    <name>GenseeColumn</name>
    <message>
        <location filename="../../lessons/gensee_report.py" line="43"/>
        <location filename="../../lessons/gensee_report.py" line="59"/>
        <location filename="../../lessons/gensee_report.py" line="65"/>
        <source>User ID</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="44"/>
        <location filename="../../lessons/gensee_report.py" line="60"/>
        <location filename="../../lessons/gensee_report.py" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="45"/>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="46"/>
        <source>Inside at the end</source>
        <translation>结束时在场</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="47"/>
        <source>Time inside</source>
        <translation>在场时长</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="48"/>
        <source>First joined</source>
        <translation>首次进入</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="49"/>
        <source>Last left</source>
        <translation>最后离开</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="50"/>
        <source>Joins</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="51"/>
        <source>Leaves</source>
        <translation>离开次数</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="52"/>
        <source>Abnormal leaves</source>
        <translation>异常离开</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="53"/>
        <source>Roll calls answered</source>
        <translation>点名应答</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="56"/>
        <location filename="../../lessons/gensee_report.py" line="64"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="57"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="58"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lessons/gensee_report.py" line="61"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>GenseeExport</name>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="52"/>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="53"/>
        <source>Q&amp;A</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="54"/>
        <source>Roll calls</source>
        <translation>点名</translation>
    </message>
</context>
<context>
    <name>GenseeView</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="198"/>
        <source>Filter by ClassNo…</source>
        <translation>按 ClassNo 筛选…</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="214"/>
        <source>No Gensee room yet: rooms appear with their first status call. The callback URLs are in Settings → Gensee.</source>
        <translation>暂无 Gensee 直播间：收到首个状态回调后直播间即会出现。回调地址见“设置 → Gensee”。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="231"/>
        <location filename="../../gui/views/gensee_view.py" line="439"/>
        <source>Select a room to see its users, attendees and questions.</source>
        <translation>选择一个直播间，查看其人数、参会者和提问。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="248"/>
        <source>No question yet: questions and answers come with Gensee&apos;s qa and qa-web callbacks (their URLs are in Settings → Gensee).</source>
        <translation>还没有提问：问答随 Gensee 的 qa 和 qa-web 回调送达（回调地址见“设置 → Gensee”）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="257"/>
        <source>All rooms</source>
        <translation>全部直播间</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="258"/>
        <source>Show the questions of every live, not only of the selected room (web questions may come without a live ID).</source>
        <translation>显示所有直播的提问，而不仅是所选直播间的（网页端提问可能不带直播 ID）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="265"/>
        <source>No roll call in this room yet.</source>
        <translation>这个直播间还没有点名。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="287"/>
        <source>Rooms</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="288"/>
        <source>VOD views</source>
        <translation>点播观看</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="289"/>
        <source>Roll calls</source>
        <translation>点名</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="338"/>
        <source>Gensee rooms ({} live)</source>
        <translation>Gensee（{} 直播中）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="339"/>
        <source>Gensee rooms</source>
        <translation>Gensee 直播间</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="375"/>
        <source>Rooms ({})</source>
        <translation>直播间（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="376"/>
        <source>VOD views ({})</source>
        <translation>点播观看（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="378"/>
        <source>Roll calls ({})</source>
        <translation>点名（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="388"/>
        <source>Gensee: {} room(s) live now · {} user(s)</source>
        <translation>Gensee：{} 个直播间正在直播 · {} 人</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="390"/>
        <source> · {} paused</source>
        <translation> · {} 个暂停</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="392"/>
        <source>Gensee: no room live right now</source>
        <translation>Gensee：当前没有直播中的直播间</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="406"/>
        <source>Site-wide VOD viewers: {} at {}. Gensee counts everyone watching any video of the site, so no per-video audience is shown; viewers per video are counted from the start/end calls (111/112).</source>
        <translation>全站点播观看人数：{}（{}）。Gensee 统计的是观看站点内任一视频的总人数，因此不显示单个视频的观众数；各视频的观看者根据开始/结束回调（111/112）统计。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="410"/>
        <source>No VOD or courseware view yet (calls 111/112).</source>
        <translation>暂无点播或课件观看（回调 111/112）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="452"/>
        <source>Attendees: {} · {} inside now · {} with abnormal leaves</source>
        <translation>参会者：{} · 当前在场 {} · 异常退出 {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="463"/>
        <source>The newest {} of {} are listed.</source>
        <translation>列出最新的 {} 条（共 {} 条）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="465"/>
        <source>Q&amp;A of all rooms: {} question(s), {} answer(s), newest first</source>
        <translation>全部直播间问答：{} 个提问，{} 个回答，最新在前</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="466"/>
        <source>Q&amp;A: {} question(s), {} answer(s), newest first</source>
        <translation>问答：{} 个提问，{} 个回答，最新在前</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="472"/>
        <source>Room {}</source>
        <translation>直播间 {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="476"/>
        <source>{} – {} ({})</source>
        <translation>{} – {}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="479"/>
        <source>live since {} ({})</source>
        <translation>{} 开始直播（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="482"/>
        <source>{} user(s) now</source>
        <translation>当前 {} 人</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="484"/>
        <source>⚠ {} abnormal leave(s)</source>
        <translation>⚠ {} 次异常退出</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="486"/>
        <source>{} recording(s), last at {}</source>
        <translation>{} 段录制，最近一段 {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="489"/>
        <source>{} sessions in this room, the latest shown</source>
        <translation>此直播间共 {} 场，显示最近一场</translation>
    </message>
</context>
<context>
    <name>HelpQueueModel</name>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="201"/>
        <source>Waiting</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="201"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="201"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="202"/>
        <source>Message</source>
        <translation>留言</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="202"/>
        <source>Taken by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="216"/>
        <source>{} waiting</source>
        <translation>已等待 {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="217"/>
        <source>asked {}</source>
        <translation>求助于 {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="226"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="227"/>
        <source>nobody yet</source>
        <translation>尚无人处理</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gui/models/history_model.py" line="33"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="33"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="33"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="34"/>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="34"/>
        <source>Teacher</source>
        <translation>老师</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="34"/>
        <source>ClassID</source>
        <translation>ClassID</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="35"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="35"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="35"/>
        <source>Summary</source>
        <translation>课后汇总</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="53"/>
        <source>{} inside now</source>
        <translation>现在 {} 人在教室</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="56"/>
        <source>summary received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="60"/>
        <source>ended, no summary</source>
        <translation>已结束，无课后汇总</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="62"/>
        <source>live now</source>
        <translation>正在上课</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="63"/>
        <source>not ended yet</source>
        <translation>尚未结束</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../gui/views/history_view.py" line="69"/>
        <source>Lesson, course, teacher or ClassID</source>
        <translation>课节、课程、老师或 ClassID</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="73"/>
        <source>Export lesson…</source>
        <translation>导出课节…</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="74"/>
        <source>Export all listed…</source>
        <translation>导出列表中全部…</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="80"/>
        <source>No lesson in these days: pick other days or another school.</source>
        <translation>这些日期内没有课节：请换个日期或学校。</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="86"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="86"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="88"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="111"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="156"/>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="174"/>
        <source>{} lesson(s)</source>
        <translation>{} 个课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="175"/>
        <source>No lesson between {} and {} for {}: widen the dates, choose all schools or clear the search.</source>
        <translation>{} 至 {} 期间“{}”没有课节：请放宽日期、选择所有学校或清除搜索条件。</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="50"/>
        <source>any Cmd</source>
        <translation>任意 Cmd</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="53"/>
        <source>ClassID</source>
        <translation>ClassID</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="55"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="60"/>
        <source>Text in the body (newest {} pushes)</source>
        <translation>推送内容中的文字（最新 {} 条推送）</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="62"/>
        <source>Refused only</source>
        <translation>仅看拒收</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="63"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="77"/>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="78"/>
        <source>Copy for PowerShell</source>
        <translation>复制为 PowerShell</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="79"/>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="100"/>
        <source>Search failed: {}</source>
        <translation>查询失败：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="114"/>
        <source>Inspector</source>
        <translation>推送查询</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="154"/>
        <source> (scroll for more)</source>
        <translation>（滚动查看更多）</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="155"/>
        <source>{} push(es) shown</source>
        <translation>显示 {} 条推送</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="216"/>
        <source>Select a push to see it as received.</source>
        <translation>选择一条推送，查看收到时的原始内容。</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="219"/>
        <source>{} · received {} · {} · {} bytes</source>
        <translation>{} · 接收于 {} · {} · {} 字节</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="222"/>
        <source>First seen {}, {} attempt(s). Why: {}</source>
        <translation>首次收到 {}，共尝试 {} 次。原因：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="231"/>
        <source>Only complete ClassIn bodies can be re-sent.</source>
        <translation>只有完整的 ClassIn 推送内容才能重发。</translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="246"/>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>LessonDetails</name>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="26"/>
        <source>Select a lesson to see what came after it: ratings, quiz results, scores, web audience and replays.</source>
        <translation>选择一节课，查看课后的情况：评价、答题结果、成绩、网页观众和回放。</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="56"/>
        <source>Chat archive:</source>
        <translation>聊天记录：</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="56"/>
        <source>download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="57"/>
        <source>teacher → student</source>
        <translation>老师 → 学生</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="57"/>
        <source>student → teacher</source>
        <translation>学生 → 老师</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="58"/>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="58"/>
        <location filename="../../gui/views/lesson_details.py" line="67"/>
        <location filename="../../gui/views/lesson_details.py" line="68"/>
        <location filename="../../gui/views/lesson_details.py" line="76"/>
        <location filename="../../gui/views/lesson_details.py" line="92"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="58"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="58"/>
        <location filename="../../gui/views/lesson_details.py" line="77"/>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="58"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="66"/>
        <source>Selector answers</source>
        <translation>答题器结果</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="66"/>
        <location filename="../../gui/views/lesson_details.py" line="70"/>
        <source>Question</source>
        <translation>题号</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="66"/>
        <source>Correct</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="66"/>
        <source>Accuracy</source>
        <translation>正确率</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="67"/>
        <location filename="../../gui/views/lesson_details.py" line="71"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="68"/>
        <source>Responder</source>
        <translation>抢答器</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="68"/>
        <source>Took part</source>
        <translation>参与次数</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="68"/>
        <source>Won</source>
        <translation>抢中次数</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="70"/>
        <source>EDU quiz answers</source>
        <translation>EDU 答题</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="70"/>
        <source>Right answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="70"/>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="74"/>
        <source>test</source>
        <translation>测验</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="74"/>
        <source>answer sheet</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="74"/>
        <source>homework</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="75"/>
        <source>homework submitted</source>
        <translation>作业已提交</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="76"/>
        <source>Scores in this lesson</source>
        <translation>本课节的成绩</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="76"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="76"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="77"/>
        <source>Full score</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="81"/>
        <source>Web audience</source>
        <translation>网页观众</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="81"/>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="81"/>
        <source>Viewers</source>
        <translation>观众</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="81"/>
        <source>Tourists</source>
        <translation>游客</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="82"/>
        <source>Sessions</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="82"/>
        <source>Time watched</source>
        <translation>观看时长</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="83"/>
        <source>web live</source>
        <translation>网页直播</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="85"/>
        <source>web replay</source>
        <translation>网页回放</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="87"/>
        <source>Logins</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="87"/>
        <source>Reservations</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="88"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="88"/>
        <source>Product clicks</source>
        <translation>商品点击</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="89"/>
        <source>Chat messages</source>
        <translation>聊天消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="92"/>
        <source>Replay watched in the client</source>
        <translation>客户端回放观看</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="92"/>
        <source>Covered</source>
        <translation>已看时长</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="93"/>
        <source>Video length</source>
        <translation>视频时长</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="93"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="94"/>
        <source>Valid views</source>
        <translation>有效观看</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_details.py" line="100"/>
        <source>No ratings, quiz results, scores, web audience or replays for this lesson yet.</source>
        <translation>本课节暂无评价、答题结果、成绩、网页观众或回放记录。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="84"/>
        <location filename="../../gui/views/lesson_panel.py" line="256"/>
        <source>Select a lesson to see who is in it.</source>
        <translation>选择一个课节，查看课上人员。</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="101"/>
        <source>Find a participant…</source>
        <translation>查找学员…</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="106"/>
        <source>Copy diagnostic</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="107"/>
        <source>A ticket block for the selected person, or the lesson when nobody is selected (Ctrl+Shift+C)</source>
        <translation>复制所选人员的工单信息；未选择人员时复制整个课节（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="117"/>
        <source>All activity</source>
        <translation>全部动态</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="141"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="142"/>
        <source>After class</source>
        <translation>课后</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="263"/>
        <source>teacher {}</source>
        <translation>老师 {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="268"/>
        <source>ended (no summary)</source>
        <translation>已结束（无课后汇总）</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="270"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="270"/>
        <source>live</source>
        <translation>上课中</translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="277"/>
        <source>{} inside · {} in the list</source>
        <translation>在教室 {} 人 · 名单 {} 人</translation>
    </message>
</context>
<context>
    <name>LiveLessonsModel</name>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="129"/>
        <source>Start ({})</source>
        <translation>开始（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="133"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="133"/>
        <source>Teacher</source>
        <translation>老师</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="133"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="134"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="134"/>
        <source>Students present</source>
        <translation>在场学生</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="135"/>
        <source>Hands up</source>
        <translation>举手</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="135"/>
        <source>Net/device trouble</source>
        <translation>网络/设备问题</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="136"/>
        <source>Open alarms</source>
        <translation>未处理告警</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="169"/>
        <source>ClassID {}</source>
        <translation>ClassID {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="146"/>
        <source>▲ {} up</source>
        <translation>▲ {} 人举手</translation>
    </message>
</context>
<context>
    <name>LiveRoomsStrip</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="539"/>
        <source>Gensee rooms live now: {}</source>
        <translation>Gensee 正在直播的直播间：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="540"/>
        <source>Gensee: no room live right now</source>
        <translation>Gensee：当前没有直播中的直播间</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../gui/views/live_view.py" line="75"/>
        <source>Export lesson…</source>
        <translation>导出课节…</translation>
    </message>
    <message>
        <location filename="../../gui/views/live_view.py" line="115"/>
        <source>Live lessons</source>
        <translation>正在上课</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/live_view.py" line="198"/>
        <source>%n live lesson(s)</source>
        <translation>
            <numerusform>%n 个课节正在上课</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/live_view.py" line="199"/>
        <source>No live lesson right now: lessons appear with their first push.</source>
        <translation>当前没有正在上课的课节：收到首条推送后课节即会出现。</translation>
    </message>
</context>
<context>
    <name>NetCharts</name>
    <message>
        <location filename="../../gui/views/net_charts.py" line="47"/>
        <source>% of probes</source>
        <translation>探测占比 %</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="49"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="50"/>
        <source>% of samples</source>
        <translation>采样占比 %</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="60"/>
        <source>Network quality, all users</source>
        <translation>网络质量（全部用户）</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="60"/>
        <location filename="../../gui/views/net_charts.py" line="179"/>
        <source>good</source>
        <translation>优</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="60"/>
        <location filename="../../gui/views/net_charts.py" line="179"/>
        <source>normal</source>
        <translation>良</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="60"/>
        <location filename="../../gui/views/net_charts.py" line="179"/>
        <source>bad</source>
        <translation>差</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="60"/>
        <location filename="../../gui/views/net_charts.py" line="179"/>
        <source>poor</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="61"/>
        <location filename="../../gui/views/net_charts.py" line="179"/>
        <source>not reached</source>
        <translation>不可达</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="63"/>
        <source>CPU load, all users</source>
        <translation>CPU 负载（全部用户）</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="63"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="63"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="63"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="63"/>
        <source>busy</source>
        <translation>繁忙</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="64"/>
        <source>Average delay</source>
        <translation>平均延迟</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="64"/>
        <location filename="../../gui/views/net_charts.py" line="66"/>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="65"/>
        <location filename="../../gui/views/net_charts.py" line="67"/>
        <source>p10–p90 of users</source>
        <translation>用户 p10–p90</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="66"/>
        <source>Packet loss</source>
        <translation>丢包率</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="79"/>
        <source>Hover over a chart to read the values.</source>
        <translation>将鼠标悬停在图表上查看数值。</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="88"/>
        <source>entered</source>
        <translation>进入</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="89"/>
        <source>left</source>
        <translation>离开</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="90"/>
        <source>dropped out</source>
        <translation>掉线</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="91"/>
        <source>alarm</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/net_charts.py" line="177"/>
        <source>%n user(s) reporting</source>
        <translation>
            <numerusform>%n 名用户上报</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="180"/>
        <source>Quality: {} · delay median {} (p90 {}) · loss median {} · CPU high+busy {:.0f}%</source>
        <translation>质量：{} · 延迟中位数 {}（p90 {}）· 丢包中位数 {} · CPU 高+繁忙 {:.0f}%</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="191"/>
        <source>degraded</source>
        <translation>质量下降</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="192"/>
        <source>delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="193"/>
        <source>loss</source>
        <translation>丢包</translation>
    </message>
</context>
<context>
    <name>NetUsersModel</name>
    <message>
        <location filename="../../gui/models/net_users_model.py" line="71"/>
        <source>{name} · {degraded:.0%} degraded · {delay}</source>
        <translation>{name} · {degraded:.0%} 质量下降 · {delay}</translation>
    </message>
    <message>
        <location filename="../../gui/models/net_users_model.py" line="76"/>
        <source>UID {} · {} report(s) · loss {:.1f} %</source>
        <translation>UID {} · {} 次上报 · 丢包 {:.1f} %</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../gui/views/network_view.py" line="62"/>
        <source>Whole lesson</source>
        <translation>整节课</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="62"/>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="63"/>
        <source>Last 3 hours</source>
        <translation>最近 3 小时</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="63"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="66"/>
        <source>Refresh lessons</source>
        <translation>刷新课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="68"/>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="71"/>
        <source>Keep the time axis ending now; panning or zooming a chart stops it.</source>
        <translation>让时间轴始终以当前时刻结束；拖动或缩放图表会停止跟随。</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="84"/>
        <source>Find a user…</source>
        <translation>查找用户…</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="87"/>
        <source>Worst {}</source>
        <translation>最差 {} 名</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="88"/>
        <source>Draw the {} users with the most degraded network</source>
        <translation>绘制网络质量最差的 {} 名用户</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="90"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="98"/>
        <source>Users, worst network first (tick up to {})</source>
        <translation>用户（网络最差在前，最多勾选 {} 名）</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="115"/>
        <source>This lesson</source>
        <translation>本课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="116"/>
        <source>Worst users now</source>
        <translation>当前最差用户</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="131"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="133"/>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="151"/>
        <source>Network &amp; CPU</source>
        <translation>网络与 CPU</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="179"/>
        <location filename="../../gui/views/network_view.py" line="261"/>
        <source>● live · {}</source>
        <translation>● 上课中 · {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="187"/>
        <source>No lesson with network reports yet.</source>
        <translation>暂无带网络报告的课节。</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="220"/>
        <source>Could not read the network reports (see the log).</source>
        <translation>无法读取网络报告（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="227"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="313"/>
        <source>{} entered</source>
        <translation>{} 进入</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="315"/>
        <source>{} dropped out ({})</source>
        <translation>{} 掉线（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="318"/>
        <source>{} left</source>
        <translation>{} 离开</translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="377"/>
        <source>{} network report(s) from {} user(s); lesson curves cover everyone, ticked users get their own line.</source>
        <translation>{} 份网络报告，来自 {} 名用户；课节曲线涵盖所有人，勾选的用户单独绘线。</translation>
    </message>
</context>
<context>
    <name>ParticipantColumn</name>
    <message>
        <location filename="../../lessons/participant_row.py" line="129"/>
        <source>UID</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="130"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="131"/>
        <source>Identity code</source>
        <translation>身份代码</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="132"/>
        <source>Present</source>
        <translation>在教室</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="133"/>
        <source>Attended</source>
        <translation>出勤时长</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="134"/>
        <source>First in</source>
        <translation>首次进入</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="135"/>
        <source>Last out</source>
        <translation>最后离开</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="136"/>
        <source>Entries</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="137"/>
        <source>Hands up</source>
        <translation>举手</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="138"/>
        <source>Awards</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="139"/>
        <source>Stage ups</source>
        <translation>上台次数</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="140"/>
        <source>On stage</source>
        <translation>上台</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="142"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="143"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="144"/>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="145"/>
        <source>Abnormal exits</source>
        <translation>异常退出</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="146"/>
        <source>Hand raised</source>
        <translation>举手时长</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="147"/>
        <source>Mutes</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="148"/>
        <source>Could speak</source>
        <translation>可发言时长</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="149"/>
        <source>Mic on (on stage)</source>
        <translation>上台开麦</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="150"/>
        <source>Camera on (on stage)</source>
        <translation>上台开摄像头</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="151"/>
        <source>Mic on (all)</source>
        <translation>开麦总时长</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="152"/>
        <source>Camera on (all)</source>
        <translation>开摄像头总时长</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="153"/>
        <source>Kicked out</source>
        <translation>被移出</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="154"/>
        <source>Authorized</source>
        <translation>授权次数</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="155"/>
        <source>Deputy</source>
        <translation>副设备</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="156"/>
        <source>Device code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="157"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="158"/>
        <source>Network quality</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="159"/>
        <source>Device problems</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <location filename="../../lessons/participant_row.py" line="160"/>
        <source>Network problems</source>
        <translation>网络问题</translation>
    </message>
</context>
<context>
    <name>PushesModel</name>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="65"/>
        <source>refused, later accepted ({})</source>
        <translation>曾拒收，后已接收（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="67"/>
        <source>refused, released ({})</source>
        <translation>曾拒收，已放行（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="68"/>
        <source>REFUSED ({}, {}×)</source>
        <translation>拒收（{}，{}×）</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="69"/>
        <source>stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="71"/>
        <source>released</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="73"/>
        <source>re-sent {}×</source>
        <translation>重发 {}×</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="86"/>
        <source>The sender was told: {}</source>
        <translation>返回给发送方的原因：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="40"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="48"/>
        <source>Received ({})</source>
        <translation>接收时间（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="40"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="40"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="41"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="41"/>
        <source>Cmd</source>
        <translation>Cmd</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="41"/>
        <source>ClassID</source>
        <translation>ClassID</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="41"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="42"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="99"/>
        <source>{} B</source>
        <translation>{} B</translation>
    </message>
</context>
<context>
    <name>QaModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="389"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="389"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="389"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="390"/>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="390"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="390"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="396"/>
        <location filename="../../gui/models/gensee_models.py" line="409"/>
        <source>Q</source>
        <translation>问</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="396"/>
        <location filename="../../gui/models/gensee_models.py" line="409"/>
        <source>↳ A</source>
        <translation>↳ 答</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="398"/>
        <location filename="../../gui/models/gensee_models.py" line="407"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="398"/>
        <location filename="../../gui/models/gensee_models.py" line="407"/>
        <source>web</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="430"/>
        <source>Received: {}</source>
        <translation>接收时间：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="432"/>
        <source>Client time: {}</source>
        <translation>客户端时间：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="435"/>
        <source>Client Q&amp;A: only published or answered questions are sent.</source>
        <translation>客户端问答：只推送已发布或已回答的提问。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="436"/>
        <source>Web Q&amp;A: every question a web user submits.</source>
        <translation>网页问答：网页用户提交的每个提问。</translation>
    </message>
</context>
<context>
    <name>RebuildDialog</name>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="32"/>
        <source>Rebuild lessons and charts</source>
        <translation>重建课节和图表</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="37"/>
        <source>Recomputes History, the charts and the device checks from the stored raw pushes, with the thresholds set now: after a ClassWatch update, or when lessons look wrong. A backup of the database is taken first; pushes keep arriving and being acknowledged meanwhile.</source>
        <translation>用已存储的原始推送和当前设置的阈值，重新计算历史记录、图表和设备检测：适用于 ClassWatch 升级之后，或课节数据看起来不对时。开始前会先备份数据库；重建期间推送照常接收和应答。</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="42"/>
        <source>%v of %m pushes</source>
        <translation>%v / %m 条推送</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="47"/>
        <source>Rebuild</source>
        <translation>重建</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="49"/>
        <source>Show backup in folder</source>
        <translation>在文件夹中显示备份</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="70"/>
        <source>Stopping after the current batch…</source>
        <translation>当前这一批完成后停止…</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="89"/>
        <source>Taking a backup of the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="100"/>
        <source> A backup was kept: {}.</source>
        <translation>已保留备份：{}。</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="102"/>
        <source>Stopped after {} of {} pushes. Lessons and charts of the rest are missing from History until a rebuild runs to the end; no push was lost.</source>
        <translation>已在处理 {} / {} 条推送后停止。其余推送对应的课节和图表在历史记录中暂缺，直到重建完整运行一次；没有丢失任何推送。</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="106"/>
        <source>Rebuilt from {} pushes in {:.0f} s.</source>
        <translation>已用 {} 条推送完成重建，耗时 {:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="108"/>
        <source>{} push(es) were kept raw but left out (values out of range).</source>
        <translation>{} 条推送保留了原始数据，但因数值超出范围未计入。</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="113"/>
        <source>Rebuild failed: {}</source>
        <translation>重建失败：{}</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="118"/>
        <source>Rebuild again</source>
        <translation>再次重建</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="120"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/rebuild_dialog.py" line="127"/>
        <source>Replaying the stored pushes…</source>
        <translation>正在重放已存储的推送…</translation>
    </message>
</context>
<context>
    <name>Relay</name>
    <message>
        <location filename="../../relay/rule.py" line="57"/>
        <source>the URL must start with http:// or https://</source>
        <translation>URL 必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../relay/rule.py" line="59"/>
        <source>the URL has no host</source>
        <translation>URL 中没有主机名</translation>
    </message>
</context>
<context>
    <name>RelayModel</name>
    <message>
        <location filename="../../gui/models/relay_model.py" line="39"/>
        <source>Destination</source>
        <translation>目标系统</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="39"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="39"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="40"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="40"/>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="41"/>
        <source>Oldest pending</source>
        <translation>最早待发送</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="41"/>
        <source>Failing since</source>
        <translation>失败开始于</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="42"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="42"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="47"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="49"/>
        <source>Failing, retrying</source>
        <translation>失败，重试中</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="50"/>
        <source>Delivering</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="50"/>
        <source>Up to date</source>
        <translation>已全部送达</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="57"/>
        <source>HTTP {}</source>
        <translation>HTTP {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="58"/>
        <source>answered errno {}</source>
        <translation>返回 errno {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="59"/>
        <source>no answer within {} s</source>
        <translation>{} 秒内无应答</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="60"/>
        <source>cannot connect: {}</source>
        <translation>无法连接：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="64"/>
        <source>HTTP 200 but the answer is not JSON</source>
        <translation>HTTP 200，但应答不是 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="65"/>
        <source>HTTP 200 without error_info.errno</source>
        <translation>HTTP 200，但应答中没有 error_info.errno</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="70"/>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="71"/>
        <source>no route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="72"/>
        <source>network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="73"/>
        <source>connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../gui/models/relay_model.py" line="74"/>
        <source>unknown host name</source>
        <translation>未知主机名</translation>
    </message>
</context>
<context>
    <name>RelayView</name>
    <message>
        <location filename="../../gui/views/relay_view.py" line="42"/>
        <source>A school&apos;s own system (LMS, CRM) keeps getting every push ClassIn sends here from the moment it is added: the exact bytes, in order, one at a time, retried until it answers errno 1.</source>
        <translation>学校自己的系统（LMS、CRM）从添加之时起照常收到 ClassIn 推送到这里的每一条消息：原样字节、按顺序、一次一条，直到对方应答 errno 1 为止不断重试。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="49"/>
        <source>No relay destination yet. Relaying forwards every stored push to the school&apos;s own system (LMS, CRM), since ClassIn allows only one push URL per school.</source>
        <translation>还没有转发目标。转发会把这里存下的每一条推送转给学校自己的系统（LMS、CRM），因为 ClassIn 每所学校只能设置一个推送地址。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="40"/>
        <source>Add one with: {}</source>
        <translation>添加方法：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="53"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="54"/>
        <location filename="../../gui/views/relay_view.py" line="158"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="69"/>
        <source>Replay</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="77"/>
        <source>Send again what was received from</source>
        <translation>重新发送这段时间收到的推送：从</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="79"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="101"/>
        <source>Relay</source>
        <translation>转发</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="158"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="188"/>
        <source>{}: retrying now.</source>
        <translation>{}：正在立即重试。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="199"/>
        <source>{}: could not change: {}</source>
        <translation>{}：无法更改：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="201"/>
        <source>{}: paused; pushes keep being queued.</source>
        <translation>{}：已暂停；推送仍会继续排队。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="202"/>
        <source>{}: delivering again.</source>
        <translation>{}：已恢复发送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="212"/>
        <source>The end of the range must be after its start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="217"/>
        <source>{}: could not replay: {}</source>
        <translation>{}：无法重新发送：{}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/relay_view.py" line="219"/>
        <source>{}: %n push(es) queued again.</source>
        <translation>
            <numerusform>{}：%n 条推送已重新排队。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/relay_view.py" line="177"/>
        <source>({})</source>
        <translation>（{}）</translation>
    </message>
</context>
<context>
    <name>RoomExport</name>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="76"/>
        <source>Export room…</source>
        <translation>导出直播间…</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="91"/>
        <source>Export the room&apos;s attendance and Q&amp;A</source>
        <translation>导出直播间的出勤与问答</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="93"/>
        <source>{} files (*.{})</source>
        <translation>{} 文件 (*.{})</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="111"/>
        <source>Export failed: {}</source>
        <translation>导出失败：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_extras.py" line="113"/>
        <source>Exported to {}</source>
        <translation>已导出到 {}</translation>
    </message>
</context>
<context>
    <name>RoomsModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="186"/>
        <source>ClassNo</source>
        <translation>ClassNo</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="186"/>
        <source>Live since</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="187"/>
        <source>Users now</source>
        <translation>当前人数</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="187"/>
        <source>Joins</source>
        <translation>进入</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="188"/>
        <source>Abnormal leaves</source>
        <translation>异常退出</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="188"/>
        <source>Recordings</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="189"/>
        <source>Last call</source>
        <translation>最近回调</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="236"/>
        <source>Started: {}</source>
        <translation>开始：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="238"/>
        <source>Ended: {}</source>
        <translation>结束：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="240"/>
        <source>Session {} of this room (the figures are this session&apos;s).</source>
        <translation>此直播间的第 {} 场（数据为本场）。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="245"/>
        <source>The session is over; its last call reported totalusernum {}.</source>
        <translation>本场已结束；最后一次回调的 totalusernum 为 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="247"/>
        <source>totalusernum of the latest call: everyone in the meeting, as Gensee counts them. {} user(s) inside by ClassWatch&apos;s own join/leave count.</source>
        <translation>最近一次回调的 totalusernum：按 Gensee 统计的会中全部人数。按 ClassWatch 自己的进出统计，在场 {} 人。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="250"/>
        <source>Leaves with code 110: network break, crash, freeze or a player closed abnormally.</source>
        <translation>代码 110 的退出：网络中断、崩溃、卡死或播放器异常关闭。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="252"/>
        <source>Gensee sends no times: this is when ClassWatch received the call.</source>
        <translation>Gensee 不发送时间：这里是 ClassWatch 收到回调的时间。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../gui/models/roster_model.py" line="161"/>
        <source>● in</source>
        <translation>● 在场</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="161"/>
        <source>○ out</source>
        <translation>○ 离开</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/roster_model.py" line="163"/>
        <source>%n drop(s)</source>
        <translation>
            <numerusform>掉线 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="172"/>
        <source>▲ up now · {}</source>
        <translation>▲ 正在举手 · {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="179"/>
        <source>▲ now · {}</source>
        <translation>▲ 台上 · {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="192"/>
        <source>{} (+{})</source>
        <translation>{}（+{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="209"/>
        <source>On stage now</source>
        <translation>正在台上</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/roster_model.py" line="207"/>
        <source>%n time(s) on stage, {} in all</source>
        <translation>
            <numerusform>上台 %n 次，共 {}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="181"/>
        <source>muted</source>
        <translation>已静音</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="186"/>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="193"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="211"/>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="212"/>
        <source>left early</source>
        <translation>早退</translation>
    </message>
</context>
<context>
    <name>SchoolColumn</name>
    <message>
        <location filename="../../lessons/school_report.py" line="34"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="35"/>
        <source>Course ID</source>
        <translation>课程ID</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="36"/>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="37"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="38"/>
        <source>UID</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="39"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="40"/>
        <source>Lesson (ClassID)</source>
        <translation>课节（ClassID）</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="45"/>
        <source>Late</source>
        <translation>迟交</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="46"/>
        <source>Correction</source>
        <translation>订正</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="47"/>
        <source>Submitted / given</source>
        <translation>已交/布置</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="48"/>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="51"/>
        <location filename="../../lessons/school_report.py" line="58"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="52"/>
        <location filename="../../lessons/school_report.py" line="59"/>
        <source>Full score</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="53"/>
        <location filename="../../lessons/school_report.py" line="60"/>
        <source>Rate</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="54"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="55"/>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="61"/>
        <source>Time spent</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="63"/>
        <source>File ID</source>
        <translation>文件ID</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="64"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="65"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="67"/>
        <source>Account status</source>
        <translation>账号状态</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="69"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="70"/>
        <location filename="../../lessons/school_report.py" line="74"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="71"/>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="73"/>
        <source>New phone</source>
        <translation>新手机号</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="76"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="77"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="79"/>
        <source>Cmd</source>
        <translation>Cmd</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="80"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
</context>
<context>
    <name>SchoolForm</name>
    <message>
        <location filename="../../gui/school_form.py" line="27"/>
        <source>e.g. 2290417</source>
        <translation>例如 2290417</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="30"/>
        <source>SECRET from ClassIn&apos;s data subscription settings</source>
        <translation>ClassIn 数据订阅设置中的 SECRET</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="32"/>
        <location filename="../../gui/school_form.py" line="72"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="36"/>
        <source>shown in lists and reports</source>
        <translation>用于列表和报表显示</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="51"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="52"/>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="53"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="54"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="55"/>
        <source>Unverified pushes</source>
        <translation>未通过校验的推送</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="62"/>
        <source>hold until the secret is fixed (queue keeps moving)</source>
        <translation>暂存，待密钥更正后放行（队列照常前进）</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="63"/>
        <source>refuse (ClassIn&apos;s queue stops)</source>
        <translation>拒收（ClassIn 队列会停住）</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="64"/>
        <source>accept without checking</source>
        <translation>不校验，直接接收</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="68"/>
        <source>hold</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="68"/>
        <source>strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="68"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="72"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="82"/>
        <source>Enter the school&apos;s SID (a number).</source>
        <translation>请输入学校的 SID（数字）。</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="84"/>
        <source>Enter the school&apos;s SECRET.</source>
        <translation>请输入学校的 SECRET。</translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="86"/>
        <source>Choose a time zone from the list.</source>
        <translation>请从列表中选择时区。</translation>
    </message>
</context>
<context>
    <name>SchoolSection</name>
    <message>
        <location filename="../../lessons/school_report.py" line="43"/>
        <source>Submissions</source>
        <translation>作业提交</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="49"/>
        <source>Homework scores</source>
        <translation>作业成绩</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="56"/>
        <source>Tests</source>
        <translation>测验与答题卡</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="62"/>
        <source>Files</source>
        <translation>文件转换</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="66"/>
        <source>Closed accounts</source>
        <translation>已注销账号</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="68"/>
        <source>Sub-accounts</source>
        <translation>子账号设置</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="72"/>
        <source>Phone changes</source>
        <translation>手机号更换</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="75"/>
        <source>Device checks</source>
        <translation>课外设备检测</translation>
    </message>
    <message>
        <location filename="../../lessons/school_report.py" line="78"/>
        <source>Unknown messages</source>
        <translation>暂不识别的消息</translation>
    </message>
</context>
<context>
    <name>SchoolView</name>
    <message>
        <location filename="../../gui/views/school_view.py" line="121"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="132"/>
        <source>Nothing of this kind from the school in these days.</source>
        <translation>这些日期内学校没有此类消息。</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="138"/>
        <location filename="../../gui/views/school_view.py" line="168"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="140"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="142"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="147"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="160"/>
        <source>Could not read: {}</source>
        <translation>无法读取：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="207"/>
        <source>Add a school in Settings to see its messages here.</source>
        <translation>请先在设置中添加学校，这里会显示其消息。</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="219"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="225"/>
        <source>{} message(s) of the school in these days; {} push(es) of Cmds not understood yet. Times in {}.</source>
        <translation>这些天学校的消息 {} 条；暂不识别的 Cmd 推送 {} 条。时间为 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="234"/>
        <source>Export the school&apos;s messages</source>
        <translation>导出学校的消息</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="236"/>
        <source>{} files (*.{})</source>
        <translation>{} 文件 (*.{})</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="255"/>
        <source>Export failed: {}</source>
        <translation>导出失败：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="257"/>
        <source>Exported to {}</source>
        <translation>已导出到 {}</translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="89"/>
        <location filename="../../gui/views/tunnel_panel.py" line="98"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="98"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>SectionModel</name>
    <message>
        <location filename="../../gui/views/school_view.py" line="52"/>
        <source>test</source>
        <translation>测验</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="52"/>
        <source>answer sheet</source>
        <translation>答题卡</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="53"/>
        <source>converted</source>
        <translation>转换成功</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="53"/>
        <source>failed</source>
        <translation>转换失败</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="54"/>
        <source>graded</source>
        <translation>已批改</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="54"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="73"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gui/views/school_view.py" line="73"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../gui/views/settings_view.py" line="37"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="59"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="60"/>
        <source>Receiver</source>
        <translation>接收端</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="61"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="63"/>
        <source>Chat alarms</source>
        <translation>群聊告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="64"/>
        <source>Gensee</source>
        <translation>Gensee</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="66"/>
        <source>Tunnel</source>
        <translation>隧道</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="87"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="112"/>
        <source>ClassIn reaches this PC through the tunnel at this URL.</source>
        <translation>ClassIn 通过此地址经隧道访问本机。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="114"/>
        <source>This address works on this PC only. ClassIn needs a public HTTPS address: start a tunnel (cloudflared, ngrok or ssh) and give ClassIn its URL followed by /classin.</source>
        <translation>此地址仅在本机可用。ClassIn 需要公网 HTTPS 地址：请启动隧道（cloudflared、ngrok 或 ssh），并把隧道地址加上 /classin 填入 ClassIn。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="128"/>
        <source>no tunnel</source>
        <translation>无隧道</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="132"/>
        <source>These are this PC&apos;s local addresses: Gensee&apos;s servers need the tunnel&apos;s public URL, which replaces them once a tunnel runs.</source>
        <translation>以下是本机的局域网地址：Gensee 服务器需要隧道的公网地址，隧道运行后会自动替换。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="141"/>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="141"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="141"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="142"/>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="142"/>
        <source>Held</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="142"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="151"/>
        <source>New school</source>
        <translation>新建学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="152"/>
        <source>Save school</source>
        <translation>保存学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="153"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="154"/>
        <source>Send test push</source>
        <translation>发送测试推送</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="155"/>
        <source>Let held pushes in</source>
        <translation>放行暂存的推送</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="156"/>
        <source>Store this school&apos;s held pushes as they are, without checking their SafeKey, in their original order.</source>
        <translation>不校验 SafeKey，按原顺序原样存储该学校暂存的推送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="158"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="174"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="184"/>
        <source>ClassIn push URL (the same for every school; ClassIn sends the SID in each push):</source>
        <translation>ClassIn 推送地址（所有学校共用；ClassIn 在每条推送中携带 SID）：</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="238"/>
        <source>The held pushes of school {} are being let in.</source>
        <translation>正在放行学校 {} 暂存的推送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="262"/>
        <source>Saved school {}. The receiver accepts its pushes now.</source>
        <translation>已保存学校 {}。接收端现在接收其推送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="275"/>
        <source>Removed school {}: its pushes are refused from now on.</source>
        <translation>已删除学校 {}：此后其推送将被拒收。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="286"/>
        <source>School {} is back.</source>
        <translation>学校 {} 已恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="317"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="324"/>
        <source>Local receiver</source>
        <translation>本机接收端</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="325"/>
        <source>Public (tunnel)</source>
        <translation>公网（隧道）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="326"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="327"/>
        <source>A new port is used at the next start; ClassIn must then be given the new URL.</source>
        <translation>新端口在下次启动时生效，届时需将新地址填入 ClassIn。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="329"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="330"/>
        <source>classwatch.db holds every push; config.json the schools and secrets (readable by you only).</source>
        <translation>classwatch.db 保存所有推送；config.json 保存学校和密钥（仅你本人可读）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="348"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="349"/>
        <source>Alarm on failing devices in live lessons</source>
        <translation>上课中设备故障时告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="350"/>
        <source>Alarm on bad network or CPU reports in live lessons</source>
        <translation>上课中网络或 CPU 报告异常时告警</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="351"/>
        <source>Play a sound on new critical alarms and help requests</source>
        <translation>出现新的严重告警和求助时播放提示音</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="356"/>
        <source>Save alarm settings</source>
        <translation>保存告警设置</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="360"/>
        <source>Silence: no push for</source>
        <translation>静默：无推送超过</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="361"/>
        <source>during live lessons (Net reports arrive every 5 min per user)</source>
        <translation>（上课期间；每位用户每 5 分钟上报一次 Net）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="362"/>
        <source>Packet loss from</source>
        <translation>丢包率达到</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="363"/>
        <source>Delay from</source>
        <translation>延迟达到</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="364"/>
        <source>Degraded network probes from</source>
        <translation>网络探测质量下降达到</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="364"/>
        <source>of a 5-minute report</source>
        <translation>（占 5 分钟报告）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="365"/>
        <source>CPU busy from</source>
        <translation>CPU 繁忙达到</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="365"/>
        <source>of the samples</source>
        <translation>（占采样）</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="400"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="406"/>
        <source>Paste these into Gensee&apos;s callback settings. The token in them is the only protection (Gensee signs nothing): keep them private.</source>
        <translation>请将以下地址粘贴到 Gensee 的回调设置中。其中的令牌是唯一的保护（Gensee 不做签名）：请勿外泄。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="418"/>
        <location filename="../../gui/views/settings_view.py" line="433"/>
        <source>New token…</source>
        <translation>新令牌…</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="429"/>
        <source>Click again to replace the token</source>
        <translation>再次点击以更换令牌</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="430"/>
        <source>The old URLs stop working at once; update them in Gensee.</source>
        <translation>旧地址将立即失效；请在 Gensee 中更新。</translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="436"/>
        <source>New token in use. Update the URLs in Gensee now.</source>
        <translation>新令牌已启用。请立即在 Gensee 中更新地址。</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <location filename="../../gui/startup_error.py" line="35"/>
        <source>ClassWatch could not start.</source>
        <translation>ClassWatch 无法启动。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../gui/app_window.py" line="75"/>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="75"/>
        <source>up</source>
        <translation>已连通</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="76"/>
        <source>unhealthy</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="76"/>
        <source>down</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="77"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="84"/>
        <source>Receiver: {}/classin</source>
        <translation>接收端：{}/classin</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="86"/>
        <source>Receiver: off (the team&apos;s server receives)</source>
        <translation>接收器：关闭（由团队服务器接收）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="88"/>
        <source>Receiver: not running</source>
        <translation>接收端：未运行</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="95"/>
        <source>Team database: live</source>
        <translation>团队数据库：实时</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="98"/>
        <source>Team database: reconnecting…</source>
        <translation>团队数据库：正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="103"/>
        <source>Public: no tunnel</source>
        <translation>公网：无隧道</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="105"/>
        <source>Public: {} ({})</source>
        <translation>公网：{}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="107"/>
        <source>Public: tunnel {}</source>
        <translation>公网：隧道 {}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/app_window.py" line="109"/>
        <source>%n push(es) in the last minute</source>
        <translation>
            <numerusform>近 1 分钟 %n 条推送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="111"/>
        <source>Last push: {} ({})</source>
        <translation>最近推送：{}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="114"/>
        <source>Last push: none yet</source>
        <translation>最近推送：暂无</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/app_window.py" line="117"/>
        <source>%n open alarm(s)</source>
        <translation>
            <numerusform>%n 条未处理告警</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="161"/>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="161"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="161"/>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="162"/>
        <source>open</source>
        <translation>已开启</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="162"/>
        <source>stopped</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="162"/>
        <source>closed (idle)</source>
        <translation>已关闭（空闲）</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="164"/>
        <source>Started (103) and not stopped.</source>
        <translation>已开始（103），尚未结束。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="165"/>
        <source>Paused (104) until the next start (103) or stop (105).</source>
        <translation>已暂停（104），直到下次开始（103）或结束（105）。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="166"/>
        <source>The first client is in (102); the live has not started yet.</source>
        <translation>首个客户端已进入（102），直播尚未开始。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="167"/>
        <source>Calls arrived but no create or start: ClassWatch joined mid-session.</source>
        <translation>收到了回调但没有创建或开始：ClassWatch 是中途接入的。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="168"/>
        <source>Stopped (105).</source>
        <translation>已结束（105）。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="169"/>
        <source>No stop (105) arrived: closed after a quiet period.</source>
        <translation>未收到结束（105）：静默一段时间后自动关闭。</translation>
    </message>
</context>
<context>
    <name>TestPush</name>
    <message>
        <location filename="../../gui/first_run.py" line="24"/>
        <source>No answer from the receiver: {}</source>
        <translation>接收端无响应：{}</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="25"/>
        <source>Answer: HTTP {} {}</source>
        <translation>响应：HTTP {} {}</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="27"/>
        <source>✔ Accepted and stored: the Test push is in the database (see Inspector).</source>
        <translation>✔ 已接收并存储：Test 推送已写入数据库（见“推送查询”）。</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="30"/>
        <source>✘ Refused: the SID or the secret does not match what is saved.</source>
        <translation>✘ 被拒收：SID 或密钥与已保存的不一致。</translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="32"/>
        <source>✘ Not stored.</source>
        <translation>✘ 未存储。</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../lessons/state.py" line="94"/>
        <source>lesson added</source>
        <translation>课节已添加</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="95"/>
        <source>lesson deleted</source>
        <translation>课节已删除</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="96"/>
        <source>lesson edited</source>
        <translation>课节已修改</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="97"/>
        <source>lesson changed</source>
        <translation>课节有变更</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="98"/>
        <source>{} student(s) added</source>
        <translation>已添加 {} 名学生</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="99"/>
        <source>{} student(s) deleted</source>
        <translation>已删除 {} 名学生</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="100"/>
        <source>{} student(s) edited</source>
        <translation>已修改 {} 名学生</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="101"/>
        <source>{} student(s) changed</source>
        <translation>{} 名学生有变更</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="102"/>
        <source>T2S score {}</source>
        <translation>老师给学生评分：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="103"/>
        <source>S2T score {}</source>
        <translation>学生给老师评分：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="104"/>
        <source>exam scored</source>
        <translation>考试已评分</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="105"/>
        <source>answer sheet scored</source>
        <translation>答题卡已评分</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="106"/>
        <source>homework graded</source>
        <translation>作业已批改</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="107"/>
        <source>homework submitted</source>
        <translation>作业已提交</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="115"/>
        <source>video window moved into the seat area</source>
        <translation>视频窗口移入座位区</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="116"/>
        <source>video window moved out of the seat area</source>
        <translation>视频窗口移出座位区</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="117"/>
        <source>video window moved</source>
        <translation>视频窗口已移动</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="124"/>
        <source>{}, device #{}</source>
        <translation>{}，第 {} 台设备</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="343"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="358"/>
        <source>times {}</source>
        <translation>{} 次</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="390"/>
        <source>{} s</source>
        <translation>{} 秒</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="403"/>
        <source>{:.0%} good</source>
        <translation>{:.0%} 良好</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="405"/>
        <source>report</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="415"/>
        <source>no problem</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="427"/>
        <source>lesson length now {} min</source>
        <translation>课节时长现为 {} 分钟</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="434"/>
        <source>cloud recording started ({})</source>
        <translation>云录制已开始（{}）</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="435"/>
        <source>cloud recording started</source>
        <translation>云录制已开始</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="440"/>
        <source>file ready, {} s</source>
        <translation>录制文件已生成，{} 秒</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="441"/>
        <source>file ready</source>
        <translation>录制文件已生成</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="445"/>
        <source>replay clip uploaded</source>
        <translation>回放片段已上传</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="462"/>
        <source>lesson summary received</source>
        <translation>已收到课节汇总</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="477"/>
        <source>discussion: {}</source>
        <translation>讨论：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="494"/>
        <source>web replay viewer {}: {} s</source>
        <translation>网页回放观众 {}：{} 秒</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="495"/>
        <source>web live viewer {}: {} s</source>
        <translation>网页直播观众 {}：{} 秒</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="503"/>
        <source>web live login: {}</source>
        <translation>网页直播登录：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="505"/>
        <source>web live booked: {}</source>
        <translation>网页直播预约：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="507"/>
        <source>web live like: {}</source>
        <translation>网页直播点赞：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="509"/>
        <source>web live product click: {} -&gt; {}</source>
        <translation>网页直播商品点击：{} → {}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="511"/>
        <source>web live chat: {}: {}</source>
        <translation>网页直播聊天：{}：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="518"/>
        <source>replay watched in the client</source>
        <translation>在客户端观看了回放</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="523"/>
        <source>selector question</source>
        <translation>答题器出题</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="524"/>
        <source>selector answer {}</source>
        <translation>答题器作答：{}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="526"/>
        <source>responder</source>
        <translation>发起抢答</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="527"/>
        <source>responder buzz</source>
        <translation>抢答</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="529"/>
        <source>EDU quiz answers ({} questions)</source>
        <translation>EDU 测验作答（{} 道题）</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="534"/>
        <source>chat archive ready</source>
        <translation>聊天记录已生成</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="553"/>
        <source>unknown message {}</source>
        <translation>未知消息 {}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="556"/>
        <source>other board event {}</source>
        <translation>其他黑板事件 {}</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="557"/>
        <source>other board event</source>
        <translation>其他黑板事件</translation>
    </message>
    <message>
        <location filename="../../lessons/state.py" line="559"/>
        <source>{} without a usable user or operation</source>
        <translation>{} 缺少可用的用户或操作</translation>
    </message>
    <message>
        <location filename="../../lessons/texts.py" line="51"/>
        <source>{}; {}</source>
        <translation>{}；{}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="36"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="44"/>
        <source>Time ({})</source>
        <translation>时间（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="36"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="36"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="37"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TunnelPanel</name>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="50"/>
        <source>in the Program field</source>
        <translation>在“程序”栏中</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="51"/>
        <source>the Public URL</source>
        <translation>“公网地址”</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="52"/>
        <source>the Host</source>
        <translation>“主机”</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="53"/>
        <source>the Remote port</source>
        <translation>“远程端口”</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="132"/>
        <source>No tunnel (this PC only)</source>
        <translation>无隧道（仅限本机）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="133"/>
        <source>cloudflared — quick tunnel (random URL, for trying out)</source>
        <translation>cloudflared — 快速隧道（随机地址，供试用）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="134"/>
        <source>cloudflared — named tunnel (your hostname, with its token)</source>
        <translation>cloudflared — 命名隧道（自有域名，需令牌）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="135"/>
        <source>ngrok</source>
        <translation>ngrok</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="136"/>
        <source>ssh — a port on your own server (ssh -R)</source>
        <translation>ssh — 自有服务器上的端口（ssh -R）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="137"/>
        <source>External — a port forward or reverse proxy you run</source>
        <translation>外部 — 自行搭建的端口转发或反向代理</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="147"/>
        <source>e.g. https://push.school.example/classin</source>
        <translation>例如 https://push.school.example/classin</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="148"/>
        <source>The push URL you gave ClassIn. When the tunnel&apos;s URL differs, the alarm rings: ClassIn would push to the old one.</source>
        <translation>已填入 ClassIn 的推送地址。隧道地址与之不同时会告警：ClassIn 仍会推送到旧地址。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="152"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="158"/>
        <source>Tunnel</source>
        <translation>隧道</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="160"/>
        <source>Provider</source>
        <translation>隧道类型</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="166"/>
        <source>Registered URL at ClassIn</source>
        <translation>ClassIn 中登记的地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="176"/>
        <location filename="../../gui/views/tunnel_panel.py" line="177"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="183"/>
        <source>Give these to ClassIn and Gensee</source>
        <translation>填入 ClassIn 和 Gensee 的地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="185"/>
        <source>ClassIn push URL</source>
        <translation>ClassIn 推送地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="186"/>
        <source>Gensee callback base</source>
        <translation>Gensee 回调基础地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="194"/>
        <source>Send test push through the public URL</source>
        <translation>经公网地址发送测试推送</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="203"/>
        <source>The answer&apos;s body appears here.</source>
        <translation>响应内容将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="204"/>
        <source>ClassIn&apos;s own registration test (a signed Test push), sent from this PC through the public URL: what ClassIn will see.</source>
        <translation>与 ClassIn 登记地址时相同的测试（一条带签名的 Test 推送），从本机经公网地址发出：结果即 ClassIn 所见。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="208"/>
        <source>Self-test</source>
        <translation>自检</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="213"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="267"/>
        <source>{} on PATH (or its full path)</source>
        <translation>PATH 中的 {}（或填写完整路径）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="284"/>
        <source>ClassIn and Gensee cannot reach this PC: pushes arrive only from this network.</source>
        <translation>ClassIn 和 Gensee 无法访问本机：只能收到来自本网络的推送。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="291"/>
        <location filename="../../gui/views/tunnel_panel.py" line="300"/>
        <location filename="../../gui/views/tunnel_panel.py" line="309"/>
        <location filename="../../gui/views/tunnel_panel.py" line="340"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="294"/>
        <source>the tunnel token from Cloudflare&apos;s dashboard</source>
        <translation>Cloudflare 控制台中的隧道令牌</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="296"/>
        <source>https://push.school.example (routed to this tunnel)</source>
        <translation>https://push.school.example（已路由到此隧道）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="298"/>
        <source>Tunnel token</source>
        <translation>隧道令牌</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="299"/>
        <location filename="../../gui/views/tunnel_panel.py" line="339"/>
        <location filename="../../gui/views/tunnel_panel.py" line="345"/>
        <source>Public URL</source>
        <translation>公网地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="303"/>
        <source>empty: the one saved with ngrok config add-authtoken</source>
        <translation>留空：使用 ngrok config add-authtoken 保存的令牌</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="305"/>
        <source>e.g. school.ngrok.app (empty: a random URL)</source>
        <translation>例如 school.ngrok.app（留空：随机地址）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="307"/>
        <source>Authtoken</source>
        <translation>认证令牌</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="308"/>
        <source>Reserved domain</source>
        <translation>保留域名</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="313"/>
        <source>your server, e.g. push.school.example</source>
        <translation>你的服务器，例如 push.school.example</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="317"/>
        <source>choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="319"/>
        <source>empty: ssh&apos;s default keys</source>
        <translation>留空：使用 ssh 默认密钥</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="320"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="323"/>
        <source>accept-new (trust the server&apos;s key on first use)</source>
        <translation>accept-new（首次连接时信任服务器密钥）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="324"/>
        <source>yes (known_hosts must already have it)</source>
        <translation>yes（known_hosts 中须已有该密钥）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="325"/>
        <source>no (insecure: any key)</source>
        <translation>no（不安全：接受任何密钥）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="331"/>
        <source>where ClassIn reaches that port, e.g. https://push.school.example</source>
        <translation>ClassIn 访问该端口的地址，例如 https://push.school.example</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="333"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="334"/>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="335"/>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="336"/>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="337"/>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="338"/>
        <source>Host key check</source>
        <translation>主机密钥检查</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="344"/>
        <source>e.g. https://push.school.example</source>
        <translation>例如 https://push.school.example</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="349"/>
        <source>SSH key file</source>
        <translation>SSH 密钥文件</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="404"/>
        <source>a named tunnel needs its token (Cloudflare&apos;s dashboard → Networks → Tunnels → your tunnel → install connector)</source>
        <translation>命名隧道需要令牌（Cloudflare 控制台 → Networks → Tunnels → 你的隧道 → install connector）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="434"/>
        <source>No account needed, but the URL changes at every start: ClassIn must be given the new one each time. For trying out, not for production.</source>
        <translation>无需账号，但每次启动地址都会变化：每次都须将新地址填入 ClassIn。仅供试用，不适合正式使用。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="436"/>
        <source>A stable URL: create a tunnel in Cloudflare&apos;s dashboard, route your hostname to this PC&apos;s receiver, and paste its token here.</source>
        <translation>固定地址：在 Cloudflare 控制台创建隧道，将你的域名路由到本机接收端，再把隧道令牌粘贴到这里。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="438"/>
        <source>Without a reserved domain the URL changes at every start (ClassIn must be given the new one each time); with one it stays.</source>
        <translation>未设置保留域名时，每次启动地址都会变化（每次都须将新地址填入 ClassIn）；设置后地址固定不变。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="440"/>
        <source>A stable URL on your own server: ssh opens the remote port there, your web server (HTTPS) forwards the public URL to it.</source>
        <translation>使用自有服务器上的固定地址：ssh 在服务器上开放远程端口，再由你的 Web 服务器（HTTPS）将公网地址转发到该端口。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="442"/>
        <source>Something else exposes this PC&apos;s receiver (a router&apos;s port forward, a reverse proxy); ClassWatch only checks that the URL answers.</source>
        <translation>由其他方式（路由器端口转发、反向代理）对外开放本机接收端；ClassWatch 只检查该地址能否响应。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="455"/>
        <source>Not applied: {}</source>
        <translation>未应用：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="459"/>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="463"/>
        <source>Not applied (the previous setup keeps running): {}</source>
        <translation>未应用（原有设置继续运行）：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="466"/>
        <source>Not applied: {}: {}</source>
        <translation>未应用：{}：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="469"/>
        <source>Saved: no tunnel.</source>
        <translation>已保存：不使用隧道。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="471"/>
        <source>Applied: the tunnel&apos;s state shows above.</source>
        <translation>已应用：隧道状态见上方。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="473"/>
        <source>Saved. The tunnel starts with the receiver.</source>
        <translation>已保存。隧道将随接收端一同启动。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="519"/>
        <source>The tunnel does not answer right now (see above).</source>
        <translation>隧道当前无响应（见上方）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="521"/>
        <source>The Gensee callbacks are this base followed by event, vod, qa, qa-web, rollcall, end or cobrowse (see the Gensee tab). The token in it is their only protection: keep it private.</source>
        <translation>Gensee 各回调地址为此基础地址加上 event、vod、qa、qa-web、rollcall、end 或 cobrowse（见“Gensee”标签页）。其中的令牌是唯一的保护：请勿外泄。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="527"/>
        <location filename="../../gui/views/tunnel_panel.py" line="528"/>
        <source>no public URL yet</source>
        <translation>暂无公网地址</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="529"/>
        <source>The public URLs appear once a tunnel runs. Until then ClassIn and Gensee cannot reach this PC.</source>
        <translation>隧道运行后即显示公网地址。在此之前，ClassIn 和 Gensee 无法访问本机。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="538"/>
        <source>NO TUNNEL</source>
        <translation>无隧道</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="539"/>
        <source>No tunnel: ClassIn and Gensee cannot reach this PC from the internet.</source>
        <translation>无隧道：ClassIn 和 Gensee 无法从公网访问本机。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="543"/>
        <source>UP</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="543"/>
        <source>Up: {} answers through the {} tunnel.</source>
        <translation>正常：{} 可经 {} 隧道访问。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="545"/>
        <source>Starting the {} tunnel at {}…</source>
        <translation>正在启动 {} 隧道（{}）…</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="546"/>
        <source>Starting the {} tunnel…</source>
        <translation>正在启动 {} 隧道…</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="548"/>
        <source>Not answering yet: {}</source>
        <translation>尚无响应：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="549"/>
        <source>STARTING</source>
        <translation>启动中</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="551"/>
        <source>UNHEALTHY</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="552"/>
        <source>Unhealthy at {}: {}</source>
        <translation>{} 访问异常：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="555"/>
        <location filename="../../gui/views/tunnel_panel.py" line="558"/>
        <source>DOWN</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="556"/>
        <source>Down: {}. Fix the setup and apply again.</source>
        <translation>中断：{}。请修正设置后重新应用。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="559"/>
        <source>Down: {}. Restarting in {} s.</source>
        <translation>中断：{}。{} 秒后重启。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="560"/>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="560"/>
        <source>Stopped: the tunnel starts with the receiver.</source>
        <translation>已停止：隧道将随接收端一同启动。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="565"/>
        <source>⚠ The public URL {} is not the URL registered at ClassIn ({}). ClassIn keeps pushing to the registered one: nothing arrives and the schools&apos; queues stay blocked. Give ClassIn {}, or use a stable URL (cloudflared named tunnel, ngrok reserved domain, ssh).</source>
        <translation>⚠ 公网地址 {} 与 ClassIn 中登记的地址（{}）不一致。ClassIn 会继续推送到登记的地址：收不到任何推送，各学校的推送队列将一直阻塞。请将 {} 填入 ClassIn，或使用固定地址（cloudflared 命名隧道、ngrok 保留域名、ssh）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="571"/>
        <source>⚠ This tunnel&apos;s URL changes at every start: ClassIn must be given the new URL each time, or its pushes go nowhere. For production use a stable URL: a cloudflared named tunnel, an ngrok reserved domain, or ssh.</source>
        <translation>⚠ 此隧道的地址每次启动都会变化：每次都须将新地址填入 ClassIn，否则推送无处送达。正式使用请采用固定地址：cloudflared 命名隧道、ngrok 保留域名或 ssh。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="600"/>
        <source>Add a school first (Schools tab).</source>
        <translation>请先添加学校（“学校”标签页）。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="602"/>
        <source>Start a tunnel first.</source>
        <translation>请先启动隧道。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="617"/>
        <source>Sending a Test push for school {} to {}/classin…</source>
        <translation>正在为学校 {} 发送 Test 推送到 {}/classin…</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="623"/>
        <source>The self-test failed: {}: {}</source>
        <translation>自检失败：{}：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="630"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="630"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="632"/>
        <source>no HTTP answer</source>
        <translation>无 HTTP 响应</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="634"/>
        <source>HTTP {}</source>
        <translation>HTTP {}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="635"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="636"/>
        <source>POST {} (school {}, _id {})</source>
        <translation>POST {}（学校 {}，_id {}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="637"/>
        <source>Answer: {} in {} ms</source>
        <translation>响应：{}，耗时 {} ms</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="638"/>
        <source>Acked (ClassIn&apos;s success answer, errno 1): {}</source>
        <translation>成功应答（ClassIn 的成功响应 errno 1）：{}</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="639"/>
        <source>Stored: {} ({})</source>
        <translation>已存储：{}（{}）</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="640"/>
        <source>✔ OK: ClassIn&apos;s registration test will pass.</source>
        <translation>✔ 通过：ClassIn 的登记测试将会通过。</translation>
    </message>
    <message>
        <location filename="../../gui/views/tunnel_panel.py" line="641"/>
        <source>✘ FAILED: ClassIn&apos;s registration test would fail the same way.</source>
        <translation>✘ 失败：ClassIn 的登记测试也会以同样方式失败。</translation>
    </message>
</context>
<context>
    <name>UsersChart</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="91"/>
        <source>Users in the room (totalusernum)</source>
        <translation>直播间人数（totalusernum）</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="91"/>
        <location filename="../../gui/views/gensee_view.py" line="108"/>
        <source>users</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="109"/>
        <source>abnormal leave (110)</source>
        <translation>异常退出（110）</translation>
    </message>
</context>
<context>
    <name>VideosModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="473"/>
        <source>VOD (ClassNo)</source>
        <translation>点播（ClassNo）</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="473"/>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="474"/>
        <source>Views</source>
        <translation>观看次数</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="474"/>
        <source>Watching now</source>
        <translation>正在观看</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="475"/>
        <source>First started</source>
        <translation>首次开始</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="475"/>
        <source>Last ended</source>
        <translation>最近结束</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="489"/>
        <source>112 can come up to a minute or more after the viewer stopped.</source>
        <translation>112 回调可能在观看者停止后一分钟甚至更久才到达。</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="494"/>
        <source>{}: {} – {}</source>
        <translation>{}：{} – {}</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="495"/>
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="496"/>
        <source>start not seen</source>
        <translation>未收到开始</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="497"/>
        <source>not ended</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="499"/>
        <source>… and {} more</source>
        <translation>… 另有 {} 条</translation>
    </message>
</context>
<context>
    <name>WorstUsersModel</name>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="51"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="51"/>
        <source>Lesson</source>
        <translation>课节</translation>
    </message>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="51"/>
        <source>Degraded</source>
        <translation>质量差占比</translation>
    </message>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="52"/>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="52"/>
        <source>Loss</source>
        <translation>丢包</translation>
    </message>
    <message>
        <location filename="../../gui/models/worst_users_model.py" line="52"/>
        <source>CPU busy</source>
        <translation>CPU 繁忙</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../gui/charts.py" line="81"/>
        <source>time ({})</source>
        <translation>时间（{}）</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../gui/crash.py" line="57"/>
        <source>The report is in {}.</source>
        <translation>报告位于 {}。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="59"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="62"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="110"/>
        <source>ClassWatch hit an unexpected error</source>
        <translation>ClassWatch 遇到意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="111"/>
        <source>Something went wrong that ClassWatch did not expect. It keeps running; pushes are still received and stored. Please send the report to support.</source>
        <translation>发生了 ClassWatch 未预料到的错误。程序仍在运行，推送照常接收和存储。请将报告发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="131"/>
        <source>ClassWatch crashed last time</source>
        <translation>ClassWatch 上次运行时崩溃</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="132"/>
        <source>The last run of ClassWatch ended in a crash. Pushes acknowledged before it were stored. Please send the report to support.</source>
        <translation>ClassWatch 上次运行以崩溃结束。崩溃前已应答的推送均已存储。请将报告发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="139"/>
        <source>ClassWatch could not start</source>
        <translation>ClassWatch 无法启动</translation>
    </message>
    <message>
        <location filename="../../gui/crash.py" line="140"/>
        <source>ClassWatch could not start:

{}</source>
        <translation>ClassWatch 无法启动：

{}</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../gui/formatting.py" line="114"/>
        <source>{} s ago</source>
        <translation>{} 秒前</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="116"/>
        <source>{} min ago</source>
        <translation>{} 分钟前</translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="117"/>
        <source>{} h ago</source>
        <translation>{} 小时前</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../gui/models/labels.py" line="18"/>
        <source>student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="19"/>
        <source>auditor</source>
        <translation>旁听生</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="20"/>
        <source>teacher</source>
        <translation>老师</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="21"/>
        <source>co-teacher</source>
        <translation>助教</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="22"/>
        <source>principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="23"/>
        <source>principal&apos;s assistant</source>
        <translation>校长助理</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="19"/>
        <source>web client</source>
        <translation>网页客户端</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="85"/>
        <location filename="../../lessons/timeline_words.py" line="20"/>
        <source>Android phone</source>
        <translation>安卓手机</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="86"/>
        <location filename="../../lessons/timeline_words.py" line="21"/>
        <source>Android tablet</source>
        <translation>安卓平板</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="24"/>
        <source>Harmony tablet</source>
        <translation>鸿蒙平板</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="25"/>
        <source>Harmony phone</source>
        <translation>鸿蒙手机</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="26"/>
        <source>web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="31"/>
        <source>unknown exception</source>
        <translation>未知异常</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="32"/>
        <source>normal exit</source>
        <translation>正常退出</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="33"/>
        <source>classroom closed</source>
        <translation>教室已关闭</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="34"/>
        <source>abnormal exit</source>
        <translation>异常退出</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="36"/>
        <source>service closed</source>
        <translation>服务已关闭</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="37"/>
        <source>disconnected</source>
        <translation>连接断开</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="38"/>
        <source>lesson cancelled</source>
        <translation>课节已取消</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="39"/>
        <source>role changed</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="40"/>
        <source>logged in twice on the same machine</source>
        <translation>在同一台设备上重复登录</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="41"/>
        <source>network connection broken</source>
        <translation>网络连接中断</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="42"/>
        <source>pushed out by a newer login</source>
        <translation>被新的登录挤下线</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="43"/>
        <source>back key (Android)</source>
        <translation>按了返回键（Android）</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="44"/>
        <source>phone call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="45"/>
        <source>app went to the background</source>
        <translation>应用切到了后台</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="96"/>
        <source>{}: {}</source>
        <translation>{}：{}</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="28"/>
        <source>entered</source>
        <translation>进入教室</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="29"/>
        <source>left</source>
        <translation>离开教室</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="30"/>
        <source>hand up</source>
        <translation>举手</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="31"/>
        <source>hand down</source>
        <translation>放下手</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="32"/>
        <source>on stage</source>
        <translation>上台</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="33"/>
        <source>off stage</source>
        <translation>下台</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="34"/>
        <source>muted</source>
        <translation>被静音</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="35"/>
        <source>unmuted</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="36"/>
        <source>all muted</source>
        <translation>全员静音</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="37"/>
        <source>all unmuted</source>
        <translation>取消全员静音</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="38"/>
        <source>authorised</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="39"/>
        <source>authorisation removed</source>
        <translation>取消授权</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="40"/>
        <source>award</source>
        <translation>奖励</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="41"/>
        <location filename="../../lessons/timeline_words.py" line="35"/>
        <source>kicked out</source>
        <translation>被移出教室</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="42"/>
        <source>network report</source>
        <translation>网络报告</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="43"/>
        <source>device check</source>
        <translation>设备检测</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="44"/>
        <location filename="../../gui/models/labels.py" line="61"/>
        <source>help request</source>
        <translation>求助</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="45"/>
        <source>lesson extended</source>
        <translation>课节延时</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="46"/>
        <source>recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="47"/>
        <source>blackboard</source>
        <translation>板书</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="48"/>
        <source>rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="49"/>
        <source>lesson summary</source>
        <translation>课节汇总</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="50"/>
        <location filename="../../lessons/timeline_words.py" line="58"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="56"/>
        <source>blocked queue</source>
        <translation>队列阻塞</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="57"/>
        <source>storage failure</source>
        <translation>存储失败</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="58"/>
        <source>re-sent pushes</source>
        <translation>推送重发</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="59"/>
        <source>no pushes</source>
        <translation>无推送</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="60"/>
        <source>tunnel</source>
        <translation>隧道</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="62"/>
        <source>device problem</source>
        <translation>设备问题</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="63"/>
        <source>network problem</source>
        <translation>网络问题</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="64"/>
        <source>Gensee leaves</source>
        <translation>Gensee 异常退出</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="65"/>
        <source>relay</source>
        <translation>转发</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="66"/>
        <source>held for verification</source>
        <translation>待校验暂存</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="75"/>
        <location filename="../../gui/models/labels.py" line="84"/>
        <location filename="../../lessons/timeline_words.py" line="52"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="63"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="68"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="79"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message>
        <location filename="../../lessons/timeline_words.py" line="57"/>
        <source>not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="124"/>
        <source>Lesson {}</source>
        <translation>课节 {}</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="33"/>
        <source>board</source>
        <translation>课堂互动</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="34"/>
        <source>authorize</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="35"/>
        <source>enter</source>
        <translation>进入教室</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="36"/>
        <source>exit</source>
        <translation>离开教室</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="37"/>
        <source>kick</source>
        <translation>踢出</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="38"/>
        <source>mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="39"/>
        <source>mute_all</source>
        <translation>全体静音</translation>
    </message>
    <message>
        <location filename="../../protocol/classin.py" line="40"/>
        <source>stage</source>
        <translation>上下台</translation>
    </message>
</context>
</TS>
