<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
        <source>No {table} with id {id}.</source>
        <translation>找不到编号为 {id} 的 {table}。</translation>
    </message>
    <message>
        <source>This {table} refers to a record that does not exist (any more).</source>
        <translation>这条{table}记录指向一条不存在（或已删除）的记录。</translation>
    </message>
    <message>
        <source>A supplies item needs a name.</source>
        <translation>物资条目需要名称。</translation>
    </message>
    <message>
        <source>The quantity of {item} must be more than zero.</source>
        <translation>{item} 的数量必须大于零。</translation>
    </message>
    <message>
        <source>A delivered quantity must be more than zero.</source>
        <translation>送达数量必须大于零。</translation>
    </message>
    <message>
        <source>This supplies item was removed.</source>
        <translation>该物资条目已删除。</translation>
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
    <name>RequestTableModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>缓急</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已历时</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{days} d</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>{status} · overdue</source>
        <translation>{status} · 已超时</translation>
    </message>
    <message>
        <source>{status} (reopened)</source>
        <translation>{status}（重新打开）</translation>
    </message>
</context>
<context>
    <name>Requests</name>
    <message>
        <source>Requests</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>&amp;Today's list…</source>
        <translation>今日清单（日清日结）(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Overdue requests</source>
        <translation>超时诉求(&amp;O)</translation>
    </message>
    <message>
        <source>Time &amp;limits and departments…</source>
        <translation>办结时限与承办部门(&amp;L)…</translation>
    </message>
    <message>
        <source>Show the overdue requests</source>
        <translation>查看超时诉求</translation>
    </message>
    <message>
        <source>{count} overdue requests</source>
        <translation>超时诉求 {count} 件</translation>
    </message>
    <message>
        <source>Raise a request…</source>
        <translation>登记诉求…</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>&amp;Dispatch…</source>
        <translation>派单(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Start work</source>
        <translation>开始办理(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>办结(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Follow up…</source>
        <translation>回访(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤销(&amp;W)…</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>查看住户</translation>
    </message>
    <message>
        <source>Not closed (open or awaiting follow-up)</source>
        <translation>未闭环（办理中或待回访）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <source>Received this week</source>
        <translation>近 7 天受理</translation>
    </message>
    <message>
        <source>Older than 3 days</source>
        <translation>超过 3 天</translation>
    </message>
    <message>
        <source>Older than 7 days</source>
        <translation>超过 7 天</translation>
    </message>
    <message>
        <source>Older than 30 days</source>
        <translation>超过 30 天</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Search text or ticket</source>
        <translation>搜索诉求内容或工单号</translation>
    </message>
    <message>
        <source>Today's list…</source>
        <translation>今日清单…</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <source>Select a request to see its timeline. Select several to dispatch them together.</source>
        <translation>选中一件诉求查看办理过程；选中多件可一并派单。</translation>
    </message>
    <message>
        <source>Request {number}</source>
        <translation>诉求 {number}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>by {operator}</source>
        <translation>经办：{operator}</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>吹哨交办</translation>
    </message>
    <message>
        <source>Answered by the unit</source>
        <translation>单位报到答复</translation>
    </message>
    <message>
        <source>to {who}</source>
        <translation>派给 {who}</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>限 {when} 前办结</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <source>Withdraw a request</source>
        <translation>撤销诉求</translation>
    </message>
    <message>
        <source>Why is this request withdrawn? (It stays in the file and the audit log.)</source>
        <translation>撤销原因？（记录仍保留在台账和操作日志中。）</translation>
    </message>
    <message>
        <source>Entered by mistake</source>
        <translation>误录</translation>
    </message>
    <message>
        <source>{count} requests shown</source>
        <translation>共 {count} 件诉求</translation>
    </message>
    <message>
        <source>{count} of them overdue</source>
        <translation>其中超时 {count} 件</translation>
    </message>
    <message>
        <source>{count} overdue in all</source>
        <translation>全部诉求中超时 {count} 件</translation>
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
    <name>TodaysList</name>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已超时</translation>
    </message>
    <message>
        <source>Today's requests — {day}</source>
        <translation>诉求日清单 — {day}</translation>
    </message>
    <message>
        <source>Received: {received} (still open: {open}) · Due by tonight or overdue: {due} · Resolved today: {closed} · Followed up today: {followed}</source>
        <translation>今日受理 {received} 件（未办结 {open} 件）· 今日到期或已超时 {due} 件 · 今日办结 {closed} 件 · 今日回访 {followed} 件</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <source>Still open and due by tonight (overdue first)</source>
        <translation>未办结且今日到期（超时的在前）</translation>
    </message>
    <message>
        <source>Printed {when}</source>
        <translation>打印时间 {when}</translation>
    </message>
</context>
<context>
    <name>TodaysListDialog</name>
    <message>
        <source>Today's list (same-day clearance)</source>
        <translation>今日清单（日清日结）</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Save today's list as PDF</source>
        <translation>将今日清单另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Requests list</source>
        <translation>诉求清单</translation>
    </message>
</context>
</TS>