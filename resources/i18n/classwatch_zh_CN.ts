<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmDetails</name>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="37"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="42"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="43"/>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="44"/>
        <source>Accept the next re-send of this push although it failed the check; it is stored and flagged, and the school&apos;s queue moves on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="46"/>
        <source>Fix secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="75"/>
        <source>No alarm selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="76"/>
        <source>Alarms appear here when a push is refused, acknowledgements get lost, pushes stop during live lessons, or a classroom asks for help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTexts</name>
    <message>
        <location filename="../../gui/alarm_texts.py" line="41"/>
        <source>unknown school (no SID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="43"/>
        <source>school {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="47"/>
        <source>no lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="50"/>
        <source>lesson {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="54"/>
        <source>unknown user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="65"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="65"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="66"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="70"/>
        <source>resolved {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="71"/>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="71"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="77"/>
        <source>microphone: disabled or absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="78"/>
        <source>microphone: no sound data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="79"/>
        <source>microphone: chosen device abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="80"/>
        <source>speaker: disabled or absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="81"/>
        <source>speaker: abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="82"/>
        <source>speaker: chosen device abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="83"/>
        <source>camera: disabled or absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="84"/>
        <source>camera: no picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="85"/>
        <source>camera: chosen device abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="86"/>
        <source>no camera found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="87"/>
        <source>no microphone found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="88"/>
        <source>delay test timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="89"/>
        <source>device plugged/unplugged during the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="90"/>
        <source>device check interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="91"/>
        <source>media over TCP (UDP blocked?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="92"/>
        <source>trouble starts at: the user&apos;s home network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="93"/>
        <source>trouble starts at: the internet provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="94"/>
        <source>trouble starts at: the path to ClassIn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="99"/>
        <source>delay {} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="100"/>
        <source>packet loss {}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="101"/>
        <source>{}% of network probes degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="102"/>
        <source>CPU overloaded {}% of the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="116"/>
        <source>Since {}, last {}, {} time(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="124"/>
        <source>a body that cannot be read as a push (no Cmd, no ClassID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="126"/>
        <source>Cmd {}, ClassID {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="129"/>
        <source>ClassIn queue blocked: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="131"/>
        <source>Refused push: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="132"/>
        <source>First refused: {}; ClassIn has sent it {} time(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="134"/>
        <source>Why: {} (we answered HTTP {}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="135"/>
        <source>ClassIn re-sends it every 10 s and sends nothing else from this school until it is accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="138"/>
        <source>The body could not be kept in quarantine (storage failure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="140"/>
        <source>This SID is not configured. Add the school with its SECRET in Settings; the next re-send is then accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="142"/>
        <source>The SafeKey does not match the secret saved for this school: the secret is probably wrong or was changed in ClassIn. Fix it in Settings (&quot;Fix secret…&quot;); the next re-send is then accepted. Release only if you trust the sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="145"/>
        <source>The push has no usable TimeStamp, so its SafeKey cannot be checked. If it is genuine, Release it: the next re-send is stored and flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="147"/>
        <source>The body is not JSON and will never be readable. Release it: the next re-send is stored as text and flagged, and the queue moves on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="149"/>
        <source>The body is JSON but not an object. Release it: the next re-send is stored and flagged, and the queue moves on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="151"/>
        <source>The body is over the size limit. Release it so the queue moves on, or raise the limit if such pushes are expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="153"/>
        <source>Release it so the queue moves on; the next re-send is flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="158"/>
        <source>Pushes re-sent: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="159"/>
        <source>ClassIn sent {} push(es) again that we had already stored and acknowledged (last: Cmd {}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="161"/>
        <source>Our acknowledgements do not reach ClassIn: check the tunnel (Public URL in the status bar). Nothing is counted twice. The alarm clears after 10 quiet minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="165"/>
        <source>No push from {} since {} although lessons are live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="168"/>
        <source>Tunnel: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="169"/>
        <source>No pushes during live lessons: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="170"/>
        <source>Check the tunnel and this PC&apos;s internet connection. ClassIn keeps the pushes queued and re-sends them once the URL answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="174"/>
        <source>Pushes cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="175"/>
        <location filename="../../gui/alarm_texts.py" line="182"/>
        <source>Why: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="176"/>
        <source>Free disk space in the data folder ({}) or close programs locking the database. ClassIn retries (we answered HTTP 503), so nothing is lost meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="181"/>
        <source>The public URL does not reach this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="183"/>
        <source>Restart the tunnel or check this PC&apos;s internet connection. ClassIn queues pushes meanwhile and re-sends them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="188"/>
        <source>From {} in {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="189"/>
        <source>Message: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="189"/>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="192"/>
        <source>Concerns: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="193"/>
        <source>Help request: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="194"/>
        <source>Contact the user or join the classroom, then Acknowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="198"/>
        <source>Device problem: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="199"/>
        <location filename="../../gui/alarm_texts.py" line="215"/>
        <source>In {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="200"/>
        <source>Ask the user to check the cable and the system&apos;s camera/microphone permissions, choose another device in ClassIn&apos;s device settings, or restart ClassIn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="206"/>
        <source>Ask the user to move closer to the Wi-Fi router, use a cable, or restart the router; stop downloads on the same network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="208"/>
        <source>The internet provider is struggling: a mobile hotspot is the quickest way out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="210"/>
        <source>The user&apos;s own network is fine; the route to ClassIn is not. Try a mobile hotspot or another network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="212"/>
        <source>Ask the user to close other programs and downloads and, if it persists, switch networks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="214"/>
        <source>Network problem: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="219"/>
        <source>{} user(s) left abnormally (event 110) between {} and {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="222"/>
        <source>Users: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="223"/>
        <source>Many abnormal leaves in Gensee room {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/alarm_texts.py" line="224"/>
        <source>Likely a network or platform problem for the whole room: check Gensee&apos;s status and ask users to rejoin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmTray</name>
    <message>
        <location filename="../../gui/tray.py" line="70"/>
        <source>Show alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tray.py" line="91"/>
        <source>ClassWatch — {} open alarm(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmsModel</name>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="53"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="53"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="53"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="53"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="54"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="54"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/alarms_model.py" line="71"/>
        <source>needs acknowledging</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmsView</name>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="135"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="166"/>
        <source>{} open alarm(s), {} this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="200"/>
        <source>Released. ClassIn&apos;s next re-send (within about 10 s) is accepted and flagged; this alarm then resolves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/alarms_view.py" line="202"/>
        <source>Nothing to release: this push was already accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../gui/app_window.py" line="73"/>
        <source>ClassWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="73"/>
        <source> — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="127"/>
        <source>The receiver could not start: {}. Choose another port in Settings or close the other program using it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendeesModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="374"/>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="374"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="374"/>
        <source>Inside now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="375"/>
        <source>Joins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="375"/>
        <source>Leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="375"/>
        <source>Abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="376"/>
        <source>First joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="376"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="389"/>
        <location filename="../../gui/models/gensee_models.py" line="403"/>
        <source>● inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="391"/>
        <location filename="../../gui/models/gensee_models.py" line="403"/>
        <source>stayed to the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="392"/>
        <location filename="../../gui/models/gensee_models.py" line="403"/>
        <source>⚠ dropped out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="392"/>
        <location filename="../../gui/models/gensee_models.py" line="403"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="393"/>
        <location filename="../../gui/models/gensee_models.py" line="404"/>
        <source>left (end page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="431"/>
        <source>Gensee status calls carry no names: names come from Q&amp;A and end pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="433"/>
        <source>By this session&apos;s joins (101) and leaves (107, 110, end page).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../gui/models/checks_model.py" line="44"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="44"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="44"/>
        <source>UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="44"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="44"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="45"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="45"/>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="45"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="45"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="45"/>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="46"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="46"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="46"/>
        <source>OS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="46"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="46"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="47"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="47"/>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="50"/>
        <location filename="../../gui/models/checks_model.py" line="59"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="50"/>
        <source>PROBLEM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="50"/>
        <source>not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="51"/>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="54"/>
        <source>in class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="54"/>
        <source>before class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="59"/>
        <source>⚠ problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/checks_model.py" line="71"/>
        <source>{} ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../gui/views/checks_view.py" line="48"/>
        <source>Search by UID, name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="51"/>
        <source>All users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="51"/>
        <source>Problems only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="52"/>
        <source>In-class checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="53"/>
        <source>Before-class checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="61"/>
        <source>Select a user to see all of their checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="95"/>
        <source>Device checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="131"/>
        <source>{} check(s), {} with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/checks_view.py" line="150"/>
        <source>Checks of {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPanel</name>
    <message>
        <location filename="../../gui/first_run.py" line="87"/>
        <source>Welcome to ClassWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="89"/>
        <source>Three steps connect a ClassIn school. ClassIn sends every classroom event to one URL; ClassWatch stores it and shows it live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="94"/>
        <source>Save school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="101"/>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="102"/>
        <source>Send test push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="106"/>
        <source>Open the full settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="111"/>
        <source>1. Your school&apos;s SID and SECRET (ClassIn admin → data subscription)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="118"/>
        <source>2. Give ClassIn this push URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="124"/>
        <source>3. Check that it works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="161"/>
        <source>Saved school {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="172"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="180"/>
        <source>Done — open the full settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenseeView</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="187"/>
        <source>Filter by ClassNo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="203"/>
        <source>No Gensee room yet: rooms appear with their first status call. The callback URLs are in Settings → Gensee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="220"/>
        <location filename="../../gui/views/gensee_view.py" line="420"/>
        <source>Select a room to see its users, attendees and questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="240"/>
        <source>All rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="241"/>
        <source>Show the questions of every live, not only of the selected room (web questions may come without a live ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="273"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="274"/>
        <source>VOD views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="325"/>
        <source>Gensee rooms ({} live)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="326"/>
        <source>Gensee rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="358"/>
        <source>Rooms ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="359"/>
        <source>VOD views ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="369"/>
        <source>Gensee: {} room(s) live now · {} user(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="371"/>
        <source> · {} paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="373"/>
        <source>Gensee: no room live right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="387"/>
        <source>Site-wide VOD viewers: {} at {}. Gensee counts everyone watching any video of the site, so no per-video audience is shown; viewers per video are counted from the start/end calls (111/112).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="391"/>
        <source>No VOD or courseware view yet (calls 111/112).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="433"/>
        <source>Attendees: {} · {} inside now · {} with abnormal leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="444"/>
        <source>The newest {} of {} are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="446"/>
        <source>Q&amp;A of all rooms: {} question(s), {} answer(s), newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="447"/>
        <source>Q&amp;A: {} question(s), {} answer(s), newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="453"/>
        <source>Room {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="457"/>
        <source>{} – {} ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="460"/>
        <source>live since {} ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="463"/>
        <source>{} user(s) now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="465"/>
        <source>⚠ {} abnormal leave(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="467"/>
        <source>{} recording(s), last at {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="470"/>
        <source>{} sessions in this room, the latest shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gui/models/history_model.py" line="47"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="47"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="47"/>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="47"/>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="48"/>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="48"/>
        <source>ClassID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="48"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="48"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="49"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="69"/>
        <source>End received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="69"/>
        <source>no End yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../gui/views/history_view.py" line="73"/>
        <source>Lesson, course, teacher or ClassID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="78"/>
        <source>Export lesson…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="79"/>
        <source>Export all listed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="91"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="93"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="99"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="133"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="158"/>
        <source>All schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="181"/>
        <source>{} lesson(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="218"/>
        <source>Export {} lesson(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="220"/>
        <source>{} files (*.{})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="230"/>
        <source>Exporting {} lesson(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="236"/>
        <source>Export failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="238"/>
        <source>Exported {} lesson(s) to {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/history_view.py" line="239"/>
        <source>Nothing exported: no stored pushes for these lessons.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="44"/>
        <source>any Cmd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="47"/>
        <source>ClassID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="49"/>
        <source>UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="54"/>
        <source>Text in the body (newest {} pushes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="56"/>
        <source>Refused only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="57"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="71"/>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="72"/>
        <source>Copy for PowerShell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="73"/>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="110"/>
        <source>Search failed: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="124"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="158"/>
        <source> (scroll for more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="159"/>
        <source>{} push(es) shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="199"/>
        <source>Select a push to see it as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="202"/>
        <source>{} · received {} · {} · {} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="205"/>
        <source>First seen {}, {} attempt(s). Why: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="213"/>
        <source>Only complete ClassIn bodies can be re-sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/inspector_view.py" line="228"/>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="53"/>
        <location filename="../../gui/views/lesson_panel.py" line="150"/>
        <source>Select a lesson to see who is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="65"/>
        <source>Find a participant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="76"/>
        <source>All activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="157"/>
        <source>teacher {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="160"/>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="160"/>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/lesson_panel.py" line="164"/>
        <source>{} inside · {} in the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveLessonsModel</name>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="69"/>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="69"/>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="69"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="70"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="70"/>
        <source>Students present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="71"/>
        <source>Hands up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="71"/>
        <source>Net/device trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="72"/>
        <source>Open alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="137"/>
        <source>ClassID {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/live_lessons_model.py" line="147"/>
        <source>▲ {} up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveRoomsStrip</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="524"/>
        <source>Gensee rooms live now: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="525"/>
        <source>Gensee: no room live right now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <location filename="../../gui/views/live_view.py" line="52"/>
        <source>Filter by lesson, teacher or school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/live_view.py" line="91"/>
        <source>Live lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/live_view.py" line="138"/>
        <source>%n live lesson(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/live_view.py" line="139"/>
        <source>No live lesson right now: lessons appear with their first push.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetCharts</name>
    <message>
        <location filename="../../gui/views/net_charts.py" line="35"/>
        <source>% of probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="36"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="37"/>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="38"/>
        <source>% of samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <source>Network quality, all users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <location filename="../../gui/views/net_charts.py" line="124"/>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <location filename="../../gui/views/net_charts.py" line="124"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <location filename="../../gui/views/net_charts.py" line="124"/>
        <source>bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="48"/>
        <location filename="../../gui/views/net_charts.py" line="124"/>
        <source>poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="49"/>
        <location filename="../../gui/views/net_charts.py" line="124"/>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="51"/>
        <source>CPU load, all users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="51"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="51"/>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="51"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="51"/>
        <source>busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="52"/>
        <source>Average delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="52"/>
        <location filename="../../gui/views/net_charts.py" line="54"/>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="53"/>
        <location filename="../../gui/views/net_charts.py" line="55"/>
        <source>p10–p90 of users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="54"/>
        <source>Packet loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="58"/>
        <source>Hover over a chart to read the values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/views/net_charts.py" line="122"/>
        <source>%n user(s) reporting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="125"/>
        <source>Quality: {} · delay median {} (p90 {}) · loss median {} · CPU high+busy {:.0f}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="136"/>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="137"/>
        <source>delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/net_charts.py" line="138"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetUsersModel</name>
    <message>
        <location filename="../../gui/models/net_users_model.py" line="66"/>
        <source>{name} · {degraded:.0%} degraded · {delay}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/net_users_model.py" line="71"/>
        <source>UID {} · {} report(s) · loss {:.1f} %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../gui/views/network_view.py" line="52"/>
        <source>Whole lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="52"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="53"/>
        <source>Last 3 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="53"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="56"/>
        <source>Refresh lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="69"/>
        <source>Find a user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="72"/>
        <source>Worst {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="73"/>
        <source>Draw the {} users with the most degraded network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="75"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="83"/>
        <source>Users, worst network first (tick up to {})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="98"/>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="100"/>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="116"/>
        <source>Network &amp; CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="136"/>
        <location filename="../../gui/views/network_view.py" line="210"/>
        <source>● live · {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="144"/>
        <source>No lesson with network reports yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="176"/>
        <source>Could not read the network reports (see the log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="183"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/network_view.py" line="248"/>
        <source>{} network report(s) from {} user(s); lesson curves cover everyone, ticked users get their own line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushesModel</name>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="47"/>
        <source>refused, later accepted ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="49"/>
        <source>refused, released ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="50"/>
        <source>REFUSED ({}, {}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="51"/>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="53"/>
        <source>released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="55"/>
        <source>re-sent {}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="75"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="75"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="75"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="75"/>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="75"/>
        <source>Cmd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="76"/>
        <source>ClassID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="76"/>
        <source>UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="76"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/pushes_model.py" line="95"/>
        <source>{} B</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QaModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="474"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="474"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="474"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="475"/>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="475"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="475"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="484"/>
        <source>Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="484"/>
        <source>↳ A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="486"/>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="486"/>
        <source>web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="509"/>
        <source>Received: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="511"/>
        <source>Client time: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="514"/>
        <source>Client Q&amp;A: only published or answered questions are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="515"/>
        <source>Web Q&amp;A: every question a web user submits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomsModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="265"/>
        <source>ClassNo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="265"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="265"/>
        <source>Live since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="266"/>
        <source>Users now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="266"/>
        <source>Joins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="267"/>
        <source>Abnormal leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="267"/>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="268"/>
        <source>Last call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="318"/>
        <source>Started: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="320"/>
        <source>Ended: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="322"/>
        <source>Session {} of this room (the figures are this session&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="327"/>
        <source>The session is over; its last call reported totalusernum {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="329"/>
        <source>totalusernum of the latest call: everyone in the meeting, as Gensee counts them. {} user(s) inside by ClassWatch&apos;s own join/leave count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="332"/>
        <source>Leaves with code 110: network break, crash, freeze or a player closed abnormally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="334"/>
        <source>Gensee sends no times: this is when ClassWatch received the call.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../gui/models/roster_model.py" line="59"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="59"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="59"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="60"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="60"/>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="60"/>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="61"/>
        <source>Hands up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="61"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="61"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="62"/>
        <source>Awards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="62"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="62"/>
        <source>Device check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="187"/>
        <source>● in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="187"/>
        <source>○ out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/models/roster_model.py" line="189"/>
        <source>%n drop(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="198"/>
        <source>▲ up now · {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="203"/>
        <source>▲ on stage · {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="205"/>
        <source>muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="210"/>
        <source>usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="216"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="227"/>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/roster_model.py" line="228"/>
        <source>left early</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolForm</name>
    <message>
        <location filename="../../gui/school_form.py" line="27"/>
        <source>e.g. 2290417</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="30"/>
        <source>SECRET from ClassIn&apos;s data subscription settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="32"/>
        <location filename="../../gui/school_form.py" line="58"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="36"/>
        <source>shown in lists and reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="48"/>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="49"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="50"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="51"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="58"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="68"/>
        <source>Enter the school&apos;s SID (a number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="70"/>
        <source>Enter the school&apos;s SECRET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/school_form.py" line="72"/>
        <source>Choose a time zone from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../gui/views/settings_view.py" line="30"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="52"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="53"/>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="54"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="55"/>
        <source>Gensee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="77"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="99"/>
        <source>ClassIn reaches this PC through the tunnel at this URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="101"/>
        <source>This address works on this PC only. ClassIn needs a public HTTPS address: start a tunnel (cloudflared, ngrok or ssh) and give ClassIn its URL followed by /classin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="115"/>
        <source>no tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="119"/>
        <source>These are this PC&apos;s local addresses: Gensee&apos;s servers need the tunnel&apos;s public URL, which replaces them once a tunnel runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="128"/>
        <source>SID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="128"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="128"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="129"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="138"/>
        <source>New school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="139"/>
        <source>Save school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="140"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="141"/>
        <source>Send test push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="142"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="158"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="168"/>
        <source>ClassIn push URL (the same for every school; ClassIn sends the SID in each push):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="229"/>
        <source>Saved school {}. The receiver accepts its pushes now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="242"/>
        <source>Removed school {}: its pushes are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="253"/>
        <source>School {} is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="285"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="292"/>
        <source>Local receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="293"/>
        <source>Public (tunnel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="294"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="295"/>
        <source>A new port is used at the next start; ClassIn must then be given the new URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="297"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="298"/>
        <source>classwatch.db holds every push; config.json the schools and secrets (readable by you only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="316"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="317"/>
        <source>Alarm on failing devices in live lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="318"/>
        <source>Alarm on bad network or CPU reports in live lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="319"/>
        <source>Play a sound on new critical alarms and help requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="324"/>
        <source>Save alarm settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="328"/>
        <source>Silence: no push for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="329"/>
        <source>during live lessons (Net reports arrive every 5 min per user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="330"/>
        <source>Packet loss from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="331"/>
        <source>Delay from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="332"/>
        <source>Degraded network probes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="332"/>
        <source>of a 5-minute report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="333"/>
        <source>CPU busy from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="333"/>
        <source>of the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="368"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="374"/>
        <source>Paste these into Gensee&apos;s callback settings. The token in them is the only protection (Gensee signs nothing): keep them private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="384"/>
        <location filename="../../gui/views/settings_view.py" line="399"/>
        <source>New token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="395"/>
        <source>Click again to replace the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="396"/>
        <source>The old URLs stop working at once; update them in Gensee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/settings_view.py" line="402"/>
        <source>New token in use. Update the URLs in Gensee now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../gui/app_window.py" line="42"/>
        <source>Receiver: {}/classin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="43"/>
        <source>Receiver: not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="46"/>
        <source>Public: no tunnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="48"/>
        <source>Public: {} ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="51"/>
        <source>Public: tunnel {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="55"/>
        <source>Last push: {} ({})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app_window.py" line="58"/>
        <source>Last push: none yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLabels</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="243"/>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="243"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="243"/>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="244"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="244"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="244"/>
        <source>closed (idle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="246"/>
        <source>Started (103) and not stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="247"/>
        <source>Paused (104) until the next start (103) or stop (105).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="248"/>
        <source>The first client is in (102); the live has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="249"/>
        <source>Calls arrived but no create or start: ClassWatch joined mid-session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="250"/>
        <source>Stopped (105).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="251"/>
        <source>No stop (105) arrived: closed after a quiet period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestPush</name>
    <message>
        <location filename="../../gui/first_run.py" line="67"/>
        <source>No answer from the receiver: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="68"/>
        <source>Answer: HTTP {} {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="70"/>
        <source>✔ Accepted and stored: the Test push is in the database (see Inspector).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="73"/>
        <source>✘ Refused: the SID or the secret does not match what is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="75"/>
        <source>✘ Not stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="32"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="32"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="32"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/timeline_model.py" line="32"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersChart</name>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="93"/>
        <source>Users in the room (totalusernum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="93"/>
        <location filename="../../gui/views/gensee_view.py" line="110"/>
        <source>users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/views/gensee_view.py" line="111"/>
        <source>abnormal leave (110)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VideosModel</name>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="552"/>
        <source>VOD (ClassNo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="552"/>
        <source>Viewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="553"/>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="553"/>
        <source>Watching now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="554"/>
        <source>First started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="554"/>
        <source>Last ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="571"/>
        <source>112 can come up to a minute or more after the viewer stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="576"/>
        <source>{}: {} – {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="577"/>
        <source>unknown user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="578"/>
        <source>start not seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="579"/>
        <source>not ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/gensee_models.py" line="581"/>
        <source>… and {} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../gui/formatting.py" line="32"/>
        <source>{} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="34"/>
        <source>{} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/formatting.py" line="35"/>
        <source>{} h ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../gui/models/labels.py" line="14"/>
        <source>student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="15"/>
        <source>auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="16"/>
        <source>teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="17"/>
        <source>co-teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="18"/>
        <source>principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="19"/>
        <source>principal&apos;s assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="24"/>
        <source>web client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="25"/>
        <source>Android phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="26"/>
        <source>Android tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="29"/>
        <source>Harmony tablet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="30"/>
        <source>Harmony phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="31"/>
        <source>web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="36"/>
        <source>entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="37"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="38"/>
        <source>hand up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="39"/>
        <source>hand down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="40"/>
        <source>on stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="41"/>
        <source>off stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="42"/>
        <source>muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="43"/>
        <source>unmuted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="44"/>
        <source>all muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="45"/>
        <source>all unmuted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="46"/>
        <source>authorised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="47"/>
        <source>authorisation removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="48"/>
        <source>award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="49"/>
        <source>kicked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="50"/>
        <source>network report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="51"/>
        <source>device check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="52"/>
        <source>help request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="53"/>
        <source>lesson extended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="54"/>
        <source>recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="55"/>
        <source>blackboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="56"/>
        <source>rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="57"/>
        <source>lesson summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="58"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="67"/>
        <location filename="../../gui/models/labels.py" line="71"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/models/labels.py" line="91"/>
        <source>Lesson {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
