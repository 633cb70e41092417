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
    <name>Ask</name>
    <message>
        <source>Unsaved entries</source>
        <translation>有未保存的内容</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>不要了</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>gridboard ran into a problem</source>
        <translation>gridboard 出了问题</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. It is a fault in gridboard, not something you did.</source>
        <translation>发生了意外错误。这是 gridboard 程序的问题，不是您操作有误。</translation>
    </message>
    <message>
        <source>Your data is safe up to {time}: every change saved until then is in the file.</source>
        <translation>截至 {time} 的数据都是安全的：在此之前保存的每一项修改都已写入文件。</translation>
    </message>
    <message>
        <source>Your data is safe up to the last change you saved: it is all in the file.</source>
        <translation>截至您最后一次保存的数据都是安全的，都已写入文件。</translation>
    </message>
    <message>
        <source>What you were doing just now may not have been saved: check it, and do it again.</source>
        <translation>刚才正在做的操作可能没有保存，请检查一下，必要时重做一遍。</translation>
    </message>
    <message>
        <source>(no log file could be made)</source>
        <translation>（无法创建日志文件）</translation>
    </message>
    <message>
        <source>The details are also in the log file:
{path}</source>
        <translation>详细信息也记录在日志文件中：
{path}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch a request</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Dispatch {count} requests</source>
        <translation>批量派单（{count} 件）</translation>
    </message>
    <message>
        <source>To a &amp;member</source>
        <translation>派给党员(&amp;M)</translation>
    </message>
    <message>
        <source>To a de&amp;partment</source>
        <translation>派给部门(&amp;P)</translation>
    </message>
    <message>
        <source>Keep each request's own due time</source>
        <translation>保留各诉求原定办结时限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a member from the list.</source>
        <translation>请从列表中选择一名党员。</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{path} could not be written: permission denied. If it is open in another program (Excel, WPS, a PDF viewer), close it there; otherwise choose another folder.</source>
        <translation>无法写入 {path}：没有权限。如果它正在其他程序（Excel、WPS、PDF 阅读器）中打开，请先在那里关闭；否则请换一个文件夹。</translation>
    </message>
    <message>
        <source>{path} could not be found or made ({error}). Check the folder.</source>
        <translation>找不到也无法创建 {path}（{error}）。请检查文件夹。</translation>
    </message>
    <message>
        <source>{path} is busy: another copy of gridboard or an import is writing to it. Nothing was saved. Wait a moment and try again.</source>
        <translation>{path} 正忙：另一个 gridboard 或正在进行的导入正在写入它。本次没有保存任何内容。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>There is no room left on the disk for {path}. Nothing was saved. Free some space (empty the recycle bin, move old files away) and try again.</source>
        <translation>{path} 所在的磁盘已经没有空间了，本次没有保存任何内容。请腾出一些空间（清空回收站、移走旧文件）后再试。</translation>
    </message>
    <message>
        <source>{path} cannot be changed: it is read only here. Nothing was saved.</source>
        <translation>{path} 无法修改：它在这里是只读的。本次没有保存任何内容。</translation>
    </message>
    <message>
        <source>{path} could not be read or written ({error}). Check that the USB stick or network folder is still there, then try again. Nothing was saved.</source>
        <translation>无法读写 {path}（{error}）。请检查 U 盘或网络文件夹是否还连着，然后再试。本次没有保存任何内容。</translation>
    </message>
    <message>
        <source>{path} is damaged ({error}). Stop working on it: close gridboard and open the latest backup.</source>
        <translation>{path} 已损坏（{error}）。请不要继续在上面工作：关闭 gridboard，打开最近的备份。</translation>
    </message>
    <message>
        <source>{path} could not be written completely ({reason}); nothing was saved there. The disk may be full: free some space, or choose another folder, and try again.</source>
        <translation>{path} 没能完整写出（{reason}），那里没有保存任何文件。可能是磁盘满了：请腾出空间或换一个文件夹后再试。</translation>
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
        <source>There is no gridboard file at {path}.</source>
        <translation>{path} 处没有 gridboard 文件。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{path} could not be opened ({error}).</source>
        <translation>无法打开 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} was made by an older gridboard and must be upgraded before it can be opened, but it cannot be changed here. Copy it to a folder you can write to, or close the copy of gridboard that has it open, and open it again.</source>
        <translation>{path} 由旧版 gridboard 创建，需要先升级才能打开，但在这里无法修改它。请把它复制到可以写入的文件夹，或关闭正在打开它的另一个 gridboard，然后重新打开。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}).</source>
        <translation>无法读取 {path}（{error}）。</translation>
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
        <source>{path} is not a gridboard file (it is not an SQLite database).</source>
        <translation>{path} 不是 gridboard 文件（它不是 SQLite 数据库）。</translation>
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
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow up request {number}</source>
        <translation>回访诉求 {number}</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>What the resident said</source>
        <translation>居民的意见</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A dissatisfied rating reopens the request, to be dispatched again.</source>
        <translation>评价为不满意时，诉求将重新打开，需要再次派单。</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>ItemsEditor</name>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加物资</translation>
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
    <name>RaiseDialog</name>
    <message>
        <source>Raise a request</source>
        <translation>登记诉求</translation>
    </message>
    <message>
        <source>12345 ticket number</source>
        <translation>12345 工单号</translation>
    </message>
    <message>
        <source>What do they ask for?</source>
        <translation>居民反映的诉求</translation>
    </message>
    <message>
        <source>Items needed</source>
        <translation>所需物资</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>{hours} hours from now</source>
        <translation>从现在起 {hours} 小时</translation>
    </message>
    <message>
        <source>Record a request</source>
        <translation>登记诉求</translation>
    </message>
</context>
<context>
    <name>RequestRow</name>
    <message>
        <source>What do they need?</source>
        <translation>居民需要什么？</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve request {number}</source>
        <translation>办结诉求 {number}</translation>
    </message>
    <message>
        <source>What was done?</source>
        <translation>做了什么？</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>{item}: delivered now (needed {needed}, already {done})</source>
        <translation>{item}：本次送达（需求 {needed}，已送 {done}）</translation>
    </message>
    <message>
        <source>Resolve a request</source>
        <translation>办结诉求</translation>
    </message>
</context>
<context>
    <name>SheetEntryDialog</name>
    <message>
        <source>Enter a returned sheet</source>
        <translation>录入交回的走访单</translation>
    </message>
    <message>
        <source>Type or scan the sheet number, e.g. 261127-003</source>
        <translation>输入或扫描走访单编号，如 261127-003</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Sheet number:</source>
        <translation>走访单编号：</translation>
    </message>
    <message>
        <source>How to enter: in Outcome type the digit for what is written (1 met, 2 nobody home, 3 refused), in Method 1 in person, 2 phone, 3 WeChat; 0 clears. Type what was written in Situation and requests (Enter to finish); to raise it as a request, give its category (1–9) and urgency. A date or time on the sheet goes in Date (2026-12-01 or 14:30); without one the visit keeps the day and says the time was not written. Save with Ctrl+S.</source>
        <translation>录入方法：在“结果”栏按走访单上写的数字（1见面、2无人在家、3拒访），在“方式”栏按 1入户、2电话、3微信；按 0 清除。“情况及诉求”照单上所写录入（回车结束）；要登记为诉求，再选类别（1–9）和紧急程度。单上写了日期或时间的，填在“日期”栏（2026-12-01 或 14:30）；没写时间的，只记日期并注明“时间未写”。按 Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>down the column (all outcomes first, then methods)</source>
        <translation>竖着录：先录完一列结果，再录方式</translation>
    </message>
    <message>
        <source>along the row (outcome, method, then the next household)</source>
        <translation>横着录：一户录完结果和方式，再到下一户</translation>
    </message>
    <message>
        <source>(nobody recorded)</source>
        <translation>（不记录走访人）</translation>
    </message>
    <message>
        <source>Visit date (unless a row says otherwise):</source>
        <translation>走访日期（行内未填时）：</translation>
    </message>
    <message>
        <source>Method (unless a row says otherwise):</source>
        <translation>走访方式（行内未填时）：</translation>
    </message>
    <message>
        <source>Visited by:</source>
        <translation>走访人：</translation>
    </message>
    <message>
        <source>After each digit, move:</source>
        <translation>按数字后光标移动：</translation>
    </message>
    <message>
        <source>Save visits</source>
        <translation>保存走访记录</translation>
    </message>
    <message>
        <source>{count} rows typed from sheet {number} are not saved yet. Discard them?</source>
        <translation>走访单 {number} 上已录入的 {count} 行还没有保存。要丢弃吗？</translation>
    </message>
    <message>
        <source>{community} · {grid} · {who} · period {period} · printed {printed} · {rows} rows, {entered} already entered</source>
        <translation>{community} · {grid} · {who} · 周期 {period} · 打印于 {printed} · 共 {rows} 行，已录入 {entered} 行</translation>
    </message>
    <message>
        <source>Nothing to save: give an outcome on at least one row.</source>
        <translation>没有可保存的内容：请至少为一行填写走访结果。</translation>
    </message>
    <message>
        <source>Enter returned sheet {number}</source>
        <translation>录入回收走访单 {number}</translation>
    </message>
    <message>
        <source>Saved {count} visits from sheet {number}.</source>
        <translation>已从走访单 {number} 保存 {count} 条走访记录。</translation>
    </message>
</context>
<context>
    <name>SheetEntryModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Outcome (1 met, 2 nobody home, 3 refused)</source>
        <translation>结果（1见面 2无人 3拒访）</translation>
    </message>
    <message>
        <source>Method (1 in person, 2 phone, 3 WeChat)</source>
        <translation>方式（1入户 2电话 3微信）</translation>
    </message>
    <message>
        <source>Date, time (if not the default)</source>
        <translation>日期、时间（与默认不同时填）</translation>
    </message>
    <message>
        <source>Situation and requests</source>
        <translation>情况及诉求</translation>
    </message>
    <message>
        <source>Request category (1–9)</source>
        <translation>诉求类别（1–9）</translation>
    </message>
    <message>
        <source>Urgency (1–3)</source>
        <translation>紧急程度（1–3）</translation>
    </message>
    <message>
        <source>Already typed that day</source>
        <translation>当天已录入</translation>
    </message>
    <message>
        <source>Entered: {outcome}</source>
        <translation>已录入：{outcome}</translation>
    </message>
    <message>
        <source>{time} {source}</source>
        <translation>{time} {source}</translation>
    </message>
    <message>
        <source>{earlier}: entered as a second visit</source>
        <translation>{earlier}：作为第二次走访录入</translation>
    </message>
    <message>
        <source>{earlier}: this row is that visit</source>
        <translation>{earlier}：本行就是这次走访，不重复计数</translation>
    </message>
    <message>
        <source>Already entered from this sheet; withdraw that visit to enter it again.</source>
        <translation>此行已从本单录入；如需重录，请先撤回那条走访记录。</translation>
    </message>
    <message>
        <source>A visit to this household by the same member on this day is already in the file. Saving links this row to it instead of counting it twice; tick the box if the member really went a second time.</source>
        <translation>这名党员当天对这一户的走访已经录入过。保存时本行并入那次走访，不重复计数；如确实去了第二次，请勾选。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>What you typed here is not saved yet. Close and lose it?</source>
        <translation>这里填写的内容还没有保存。关闭并丢弃吗？</translation>
    </message>
</context>
<context>
    <name>TimeLimitsDialog</name>
    <message>
        <source>Request time limits and departments</source>
        <translation>诉求办结时限与承办部门</translation>
    </message>
    <message>
        <source>Hours allowed</source>
        <translation>时限（小时）</translation>
    </message>
    <message>
        <source>Departments (one a line)</source>
        <translation>承办部门（每行一个）</translation>
    </message>
    <message>
        <source>Time limits and departments</source>
        <translation>办理时限和部门</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Correct a visit</source>
        <translation>更正走访记录</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>{building} unit {unit}, room {room}</source>
        <translation>{building}{unit}单元{room}</translation>
    </message>
    <message>
        <source>{address} — {head}</source>
        <translation>{address} — {head}</translation>
    </message>
    <message>
        <source>(no member recorded)</source>
        <translation>（不记录走访人）</translation>
    </message>
    <message>
        <source>{name} (paired)</source>
        <translation>{name}（结对）</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>走访人(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>方式(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>What did you see? (optional)</source>
        <translation>看到的情况（可不填）</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Add a &amp;request they raised</source>
        <translation>添加居民提出的诉求(&amp;R)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>What you typed for this visit is not saved yet. Close and lose it?</source>
        <translation>这次走访填写的内容还没有保存。关闭并丢弃吗？</translation>
    </message>
</context>
</TS>