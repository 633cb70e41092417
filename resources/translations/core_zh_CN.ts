<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppController</name>
    <message>
        <source>gridboard files (*{suffix});;All files (*)</source>
        <translation>gridboard 文件 (*{suffix});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}……</translation>
    </message>
    <message>
        <source>New community file</source>
        <translation>新建社区文件</translation>
    </message>
    <message>
        <source>community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>New community</source>
        <translation>新建社区</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>社区名称：</translation>
    </message>
    <message>
        <source>Open a gridboard file</source>
        <translation>打开 gridboard 文件</translation>
    </message>
    <message>
        <source>Demo community</source>
        <translation>示范社区</translation>
    </message>
    <message>
        <source>Save the demo community as</source>
        <translation>示范社区保存到</translation>
    </message>
    <message>
        <source>Making the demo community…</source>
        <translation>正在生成示范社区……</translation>
    </message>
    <message>
        <source>Today's backup could not be made; it will be tried again later. ({reason})</source>
        <translation>今天的备份没能做成，稍后会再试。（{reason}）</translation>
    </message>
</context>
<context>
    <name>CyclesDialog</name>
    <message>
        <source>Visit cycles and limits</source>
        <translation>走访周期与上限</translation>
    </message>
    <message>
        <source>Living alone, disabled, chronically ill, child in difficulty (days)</source>
        <translation>独居、残疾、慢性病、困境儿童户（天）</translation>
    </message>
    <message>
        <source>Other priority households (days)</source>
        <translation>其他重点户（天）</translation>
    </message>
    <message>
        <source>All other households (days)</source>
        <translation>一般户（天）</translation>
    </message>
    <message>
        <source>Warn this many days before due</source>
        <translation>到期前提醒天数</translation>
    </message>
    <message>
        <source>Most households per member</source>
        <translation>每名党员最多联系户数</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>There is no gridboard file at {path}.</source>
        <translation>{path} 处没有 gridboard 文件。</translation>
    </message>
    <message>
        <source>{path} could not be opened ({error}).</source>
        <translation>无法打开 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} is not a gridboard file (it is not an SQLite database).</source>
        <translation>{path} 不是 gridboard 文件（它不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}).</source>
        <translation>无法读取 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} is still being checked (a few seconds on a big file); until the check has passed nothing can be changed. Nothing was saved: try again in a moment.</source>
        <translation>{path} 正在检查（大文件需要几秒钟）；检查通过之前不能做任何修改。刚才的内容没有保存，请稍后再试。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}); gridboard will not change it. You can look, print and export; restore a backup to go on working.</source>
        <translation>{path} 已损坏（{error}）；gridboard 不会修改它。可以查看、打印和导出；要继续工作，请恢复一份备份。</translation>
    </message>
    <message>
        <source>{path} is open for writing in another copy of gridboard ({operator} on {host}, since {since}). Close it there first, or open it read only.</source>
        <translation>{path} 正在另一个 gridboard 中以可写方式打开（{host} 上的 {operator}，自 {since} 起）。请先在那里关闭，或以只读方式打开。</translation>
    </message>
    <message>
        <source>{path} cannot be changed: the file or its folder is read only (a CD, a protected share, a read-only copy). Copy it to a folder you can write to.</source>
        <translation>{path} 无法修改：文件或它所在的文件夹是只读的（光盘、受保护的共享文件夹、只读副本）。请把它复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a gridboard file.</source>
        <translation>{path} 是一个文件夹，不是 gridboard 文件。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path} was made by an older gridboard and must be upgraded before it can be opened, but it cannot be changed here. Copy it to a folder you can write to, or close the copy of gridboard that has it open, and open it again.</source>
        <translation>{path} 由旧版 gridboard 创建，需要先升级才能打开，但在这里无法修改它。请把它复制到可以写入的文件夹，或关闭正在打开它的另一个 gridboard，然后重新打开。</translation>
    </message>
    <message>
        <source>{path} is marked as a gridboard file but holds no gridboard tables (it was never finished). Nothing in it can be read.</source>
        <translation>{path} 标记为 gridboard 文件，但里面没有 gridboard 的数据表（文件没有创建完成），无法读取其中内容。</translation>
    </message>
    <message>
        <source>This file has no path to open again.</source>
        <translation>此文件没有可再次打开的路径。</translation>
    </message>
    <message>
        <source>{path} is protected with a passphrase (or it is not a gridboard file: it is not an SQLite database).</source>
        <translation>{path} 已用口令加密（或者它不是 gridboard 文件：不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({error}).</source>
        <translation>{path} 已损坏，无法读取（{error}）。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database, but not a gridboard file (it holds tables such as {tables}).</source>
        <translation>{path} 是 SQLite 数据库，但不是 gridboard 文件（其中有 {tables} 等表）。</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database made by another program, not a gridboard file. gridboard leaves it as it is; to start a new community, choose a new file name.</source>
        <translation>{path} 是其他程序创建的空 SQLite 数据库，不是 gridboard 文件。gridboard 不会改动它；要新建社区，请另取一个文件名。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of gridboard (schema {version}; this one knows {known}). Open it with that version; this one will not change it.</source>
        <translation>{path} 由更新版本的 gridboard 写入（结构版本 {version}，本版本只认识到 {known}）。请用那个版本打开；本版本不会改动它。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}).</source>
        <translation>{path} 已损坏（{error}）。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of gridboard (schema step {step}). Open it with that version; this one will not change it.</source>
        <translation>{path} 由更新版本的 gridboard 写入（结构版本 {step}）。请用该版本打开；本版本不会改动它。</translation>
    </message>
    <message>
        <source>No {table} with id {id}.</source>
        <translation>找不到编号为 {id} 的 {table}。</translation>
    </message>
    <message>
        <source>This {table} refers to a record that does not exist (any more).</source>
        <translation>这条{table}记录指向一条不存在（或已删除）的记录。</translation>
    </message>
    <message>
        <source>Unknown visit method {value}.</source>
        <translation>未知的走访方式 {value}。</translation>
    </message>
    <message>
        <source>Unknown visit outcome {value}.</source>
        <translation>未知的走访结果 {value}。</translation>
    </message>
    <message>
        <source>Unknown visit source {value}.</source>
        <translation>未知的走访来源 {value}。</translation>
    </message>
    <message>
        <source>Request {number} has not been dispatched yet; dispatch it first.</source>
        <translation>诉求 {number} 尚未派单，请先派单。</translation>
    </message>
    <message>
        <source>Request {number} is dispatched but work has not started; mark it in progress first.</source>
        <translation>诉求 {number} 已派单但尚未开始办理，请先标记为办理中。</translation>
    </message>
    <message>
        <source>Request {number} is being handled; resolve it first.</source>
        <translation>诉求 {number} 正在办理中，请先办结。</translation>
    </message>
    <message>
        <source>Request {number} is resolved; what remains is the follow-up call and rating.</source>
        <translation>诉求 {number} 已办结，只剩回访和评价。</translation>
    </message>
    <message>
        <source>Request {number} is closed: it was followed up and rated.</source>
        <translation>诉求 {number} 已闭环：已回访并评价。</translation>
    </message>
    <message>
        <source>Request {number} was withdrawn.</source>
        <translation>诉求 {number} 已撤销。</translation>
    </message>
    <message>
        <source>Unknown request category {value}.</source>
        <translation>未知的诉求类别 {value}。</translation>
    </message>
    <message>
        <source>Unknown urgency {value}.</source>
        <translation>未知的紧急程度 {value}。</translation>
    </message>
    <message>
        <source>A time limit must be between 1 hour and a year, not {value}.</source>
        <translation>办结时限应在 1 小时到一年之间，不能是 {value}。</translation>
    </message>
    <message>
        <source>Keep at least one department in the list.</source>
        <translation>部门列表中至少保留一个部门。</translation>
    </message>
    <message>
        <source>Unknown source {value}.</source>
        <translation>未知的诉求来源 {value}。</translation>
    </message>
    <message>
        <source>A 12345 hotline request needs its ticket number.</source>
        <translation>12345 热线诉求需要填写工单号。</translation>
    </message>
    <message>
        <source>The due time must be after {when}.</source>
        <translation>办结时限必须晚于 {when}。</translation>
    </message>
    <message>
        <source>Dispatch a request to one member or to one department.</source>
        <translation>诉求只能派给一名党员或一个部门。</translation>
    </message>
    <message>
        <source>{name} is no longer an active member.</source>
        <translation>{name} 已不是在册党员。</translation>
    </message>
    <message>
        <source>Choose at least one request.</source>
        <translation>请至少选择一件诉求。</translation>
    </message>
    <message>
        <source>Say what was done to resolve the request.</source>
        <translation>请填写办理结果。</translation>
    </message>
    <message>
        <source>That supplies item belongs to another request.</source>
        <translation>该物资条目属于另一件诉求。</translation>
    </message>
    <message>
        <source>Unknown rating {value}.</source>
        <translation>未知的评价 {value}。</translation>
    </message>
    <message>
        <source>A step cannot be dated before the previous one ({previous}).</source>
        <translation>办理环节的时间不能早于上一环节（{previous}）。</translation>
    </message>
    <message>
        <source>A step cannot be in the future ({value}).</source>
        <translation>办理环节的时间不能晚于现在（{value}）。</translation>
    </message>
    <message>
        <source>{value} is not a date and time.</source>
        <translation>{value} 不是有效的日期时间。</translation>
    </message>
    <message>
        <source>A visit cannot be in the future ({value}).</source>
        <translation>走访时间不能晚于今天（{value}）。</translation>
    </message>
    <message>
        <source>This household has been removed from the ledger: it cannot be visited.</source>
        <translation>该住户已从台账中移除，不能再登记走访。</translation>
    </message>
    <message>
        <source>This visit has already been withdrawn.</source>
        <translation>这条走访记录已撤回。</translation>
    </message>
    <message>
        <source>Cannot correct {fields} of a visit.</source>
        <translation>不能更正走访记录的 {fields}。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Elderly living alone</source>
        <translation>独居老人</translation>
    </message>
    <message>
        <source>Empty-nest elderly</source>
        <translation>空巢老人</translation>
    </message>
    <message>
        <source>Aged 80+</source>
        <translation>高龄老人</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>Subsistence allowance</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Near-low-income</source>
        <translation>低保边缘</translation>
    </message>
    <message>
        <source>Extreme poverty support</source>
        <translation>特困</translation>
    </message>
    <message>
        <source>Child in difficulty</source>
        <translation>困境儿童</translation>
    </message>
    <message>
        <source>Left-behind child</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Pregnant</source>
        <translation>孕产妇</translation>
    </message>
    <message>
        <source>Veteran</source>
        <translation>退役军人</translation>
    </message>
    <message>
        <source>Community member</source>
        <translation>社区党员</translation>
    </message>
    <message>
        <source>In-service member</source>
        <translation>在职党员（双报到）</translation>
    </message>
    <message>
        <source>Cadre sent down</source>
        <translation>下沉干部</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Building head</source>
        <translation>楼院长</translation>
    </message>
    <message>
        <source>Unit head</source>
        <translation>单元长</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Cadre responsible</source>
        <translation>包联干部</translation>
    </message>
    <message>
        <source>Grid branch secretary</source>
        <translation>网格党支部书记</translation>
    </message>
    <message>
        <source>Full-time grid worker</source>
        <translation>专职网格员</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>网格协管员</translation>
    </message>
    <message>
        <source>Lived in</source>
        <translation>自住</translation>
    </message>
    <message>
        <source>Rented out</source>
        <translation>出租</translation>
    </message>
    <message>
        <source>Vacant</source>
        <translation>空置</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>见面</translation>
    </message>
    <message>
        <source>Nobody home</source>
        <translation>无人在家</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒访</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>纸质走访单</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>未结对</translation>
    </message>
    <message>
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>三天内到期</translation>
    </message>
    <message>
        <source>Visited within cycle</source>
        <translation>周期内已走访</translation>
    </message>
    <message>
        <source>Complete (90%+)</source>
        <translation>完成（90%以上）</translation>
    </message>
    <message>
        <source>Nearly (60–90%)</source>
        <translation>接近（60–90%）</translation>
    </message>
    <message>
        <source>Behind (10–60%)</source>
        <translation>落后（10–60%）</translation>
    </message>
    <message>
        <source>Not started (&lt;10%)</source>
        <translation>未开展（10%以下）</translation>
    </message>
    <message>
        <source>1+1 (one member, one household)</source>
        <translation>1+1（一名党员联系一户）</translation>
    </message>
    <message>
        <source>N+1 (several members)</source>
        <translation>N+1（多名党员联系一户）</translation>
    </message>
    <message>
        <source>1+N (one member, several households)</source>
        <translation>1+N（一名党员联系多户）</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已收集</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Medicine and care</source>
        <translation>买药就医</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Property management</source>
        <translation>物业管理</translation>
    </message>
    <message>
        <source>Parking fees</source>
        <translation>停车收费</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>政策待遇</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <source>Safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <source>Scarce supplies</source>
        <translation>紧缺物资</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>特急</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(unsaved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>gridboard — {file} (read only)</source>
        <translation>gridboard — {file}（只读）</translation>
    </message>
    <message>
        <source>gridboard — {file}</source>
        <translation>gridboard — {file}</translation>
    </message>
    <message>
        <source>This file is open. Use the menus to add a community, grids and buildings.</source>
        <translation>文件已打开。请通过菜单添加社区、网格和楼栋。</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Read only: {operator} on {host} has had this file open for writing since {since}. You can look, print and export; to make changes, close it there and open it again.</source>
        <translation>只读：{host} 上的 {operator} 自 {since} 起以可写方式打开了这个文件。您可以查看、打印和导出；要修改，请先在那里关闭，再重新打开。</translation>
    </message>
    <message>
        <source>Read only: another copy of gridboard has this file open for writing. You can look, print and export; to make changes, close it there and open it again.</source>
        <translation>只读：另一个 gridboard 正以可写方式打开这个文件。您可以查看、打印和导出；要修改，请先在那里关闭，再重新打开。</translation>
    </message>
    <message>
        <source>Checking the file before anything can be changed (a few seconds on a big file). You can look around meanwhile.</source>
        <translation>正在检查文件，检查通过后才能修改（大文件需要几秒钟）。这期间可以先查看。</translation>
    </message>
    <message>
        <source>Read only: this file is damaged ({problem}). You can look, print and export; restore a backup to go on working.</source>
        <translation>只读：此文件已损坏（{problem}）。可以查看、打印和导出；要继续工作，请恢复一份备份。</translation>
    </message>
    <message>
        <source>Read only: this file, or the folder or disk it is on, cannot be written to. You can look, print and export; to make changes, copy it to a folder you can write to.</source>
        <translation>只读：这个文件或它所在的文件夹、磁盘无法写入。您可以查看、打印和导出；要修改，请把它复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <source>Open for writing</source>
        <translation>以可写方式打开</translation>
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
        <source>V&amp;isits</source>
        <translation>走访(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>诉求(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>E&amp;mergency</source>
        <translation>应急(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New community file…</source>
        <translation>新建社区文件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Explore a &amp;demo community</source>
        <translation>浏览示范社区(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Visit &amp;cycles and limits…</source>
        <translation>走访周期与上限(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About gridboard</source>
        <translation>关于 gridboard(&amp;A)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Some entries typed in an open dialog are not saved yet. Close and lose them?</source>
        <translation>打开的窗口中还有填写了但没保存的内容。关闭并丢弃它们吗？</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to gridboard</source>
        <translation>欢迎使用 gridboard</translation>
    </message>
    <message>
        <source>gridboard keeps your community's pairing board in one file on this computer: grids, buildings, households, who is paired with whom, every visit and request. It never needs a network.</source>
        <translation>gridboard 把社区的结对看板保存在本机的一个文件里：网格、楼栋、住户、谁与谁结对、每一次走访和每一件诉求。它从不需要网络。</translation>
    </message>
    <message>
        <source>New empty community…</source>
        <translation>新建空白社区…</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Explore a demo community</source>
        <translation>浏览示范社区</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>最近的文件：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>