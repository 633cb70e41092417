<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AreaTreeModel</name>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>{name} (checked out)</source>
        <translation>{name}（已借出）</translation>
    </message>
    <message>
        <source>{name}: {households} households lived in, {overdue} overdue ({priority} of them priority), visited within cycle {share}</source>
        <translation>{name}：在住 {households} 户，逾期 {overdue} 户（其中重点户 {priority} 户），周期内走访率 {share}</translation>
    </message>
</context>
<context>
    <name>BandLegend</name>
    <message>
        <source>Visited within cycle:</source>
        <translation>周期内走访率：</translation>
    </message>
    <message>
        <source>Drag a building to arrange the plan; click it to open its floor map.</source>
        <translation>拖动楼栋可调整位置，单击打开楼栋图</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <source>Board</source>
        <translation>结对看板</translation>
    </message>
    <message>
        <source>Log a visit for the selected household…</source>
        <translation>为选中住户登记走访…</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>No grids yet</source>
        <translation>尚无网格</translation>
    </message>
    <message>
        <source>Site plan</source>
        <translation>网格平面图</translation>
    </message>
    <message>
        <source>Log a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Priority only</source>
        <translation>只看重点户</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>With open requests</source>
        <translation>有未办结诉求</translation>
    </message>
    <message>
        <source>Outline one member's households</source>
        <translation>勾出某位党员联系的住户</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全楼</translation>
    </message>
    <message>
        <source>Go to area</source>
        <translation>转到区域</translation>
    </message>
    <message>
        <source>(no member outlined)</source>
        <translation>（不勾选党员）</translation>
    </message>
    <message>
        <source>Correct a visit</source>
        <translation>更正走访记录</translation>
    </message>
    <message>
        <source>Withdraw a visit</source>
        <translation>撤回走访记录</translation>
    </message>
    <message>
        <source>Why is this visit withdrawn? (It stays in the audit log.)</source>
        <translation>撤回原因？（操作日志中仍会保留）</translation>
    </message>
    <message>
        <source>Entered by mistake</source>
        <translation>录入错误</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>No households lived in</source>
        <translation>无在住户</translation>
    </message>
    <message>
        <source>{households} households · paired {paired:.0f}% · visited within cycle {visited:.0f}% · {overdue} overdue</source>
        <translation>在住 {households} 户 · 结对 {paired:.0f}% · 周期内走访 {visited:.0f}% · 逾期 {overdue} 户</translation>
    </message>
    <message>
        <source>{count} households selected</source>
        <translation>已选 {count} 户</translation>
    </message>
    <message>
        <source>Select the whole floor</source>
        <translation>选中整层</translation>
    </message>
    <message>
        <source>Select the whole unit</source>
        <translation>选中整个单元</translation>
    </message>
    <message>
        <source>Move a building on the site plan</source>
        <translation>在平面图上移动楼栋</translation>
    </message>
</context>
<context>
    <name>BuildingBlock</name>
    <message>
        <source>{name}: {floors} floors, {units} units; {households} households lived in, {visited} visited within cycle, {overdue} overdue</source>
        <translation>{name}：{floors} 层，{units} 个单元；在住 {households} 户，周期内已走访 {visited} 户，逾期 {overdue} 户</translation>
    </message>
    <message>
        <source>{floors}F · {overdue} overdue</source>
        <translation>{floors}层 · 逾期 {overdue} 户</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Unknown request category {value}.</source>
        <translation>未知的诉求类别 {value}。</translation>
    </message>
    <message>
        <source>Unknown urgency {value}.</source>
        <translation>未知的紧急程度 {value}。</translation>
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
        <source>No {table} with id {id}.</source>
        <translation>找不到编号为 {id} 的 {table}。</translation>
    </message>
</context>
<context>
    <name>FloorMap</name>
    <message>
        <source>Unit {unit}</source>
        <translation>{unit}单元</translation>
    </message>
    <message>
        <source>{floor}F</source>
        <translation>{floor}层</translation>
    </message>
    <message>
        <source>Unit {unit} room {room}</source>
        <translation>{unit}单元{room}室</translation>
    </message>
    <message>
        <source>(no head of household recorded)</source>
        <translation>（未登记户主）</translation>
    </message>
    <message>
        <source>Last visit: {when}</source>
        <translation>上次走访：{when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Special groups: {groups}</source>
        <translation>重点人群：{groups}</translation>
    </message>
    <message>
        <source>Open requests: {count}</source>
        <translation>未办结诉求：{count} 件</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Log a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Log a visit to this household (Enter on the map)</source>
        <translation>为此户登记走访（在楼栋图上按回车）</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对党员</translation>
    </message>
    <message>
        <source>Show pairing history</source>
        <translation>显示结对历史</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未办结诉求</translation>
    </message>
    <message>
        <source>{count} households selected</source>
        <translation>已选 {count} 户</translation>
    </message>
    <message>
        <source>Right-click the map for actions on all of them.</source>
        <translation>在楼栋图上右键，可对这些住户统一操作。</translation>
    </message>
    <message>
        <source>No household selected</source>
        <translation>未选择住户</translation>
    </message>
    <message>
        <source>Click a household on the map, or move with the arrow keys.</source>
        <translation>在楼栋图上点击住户，或用方向键移动。</translation>
    </message>
    <message>
        <source>{building} unit {unit}, room {room}</source>
        <translation>{building}{unit}单元{room}</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Priority household</source>
        <translation>重点户</translation>
    </message>
    <message>
        <source>(no head of household recorded)</source>
        <translation>（未登记户主）</translation>
    </message>
    <message>
        <source>Head: {name} · {people} people · phone {phone}</source>
        <translation>户主：{name} · {people} 人 · 电话 {phone}</translation>
    </message>
    <message>
        <source>Last visit: {when}</source>
        <translation>上次走访：{when}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>No residents recorded.</source>
        <translation>未登记居民。</translation>
    </message>
    <message>
        <source>Not paired with any member.</source>
        <translation>尚未结对党员。</translation>
    </message>
    <message>
        <source>covers the building</source>
        <translation>包楼栋</translation>
    </message>
    <message>
        <source>covers the unit</source>
        <translation>包单元</translation>
    </message>
    <message>
        <source>covers the floor</source>
        <translation>包楼层</translation>
    </message>
    <message>
        <source>{member} — {how}, since {start}</source>
        <translation>{member} — {how}，{start} 起</translation>
    </message>
    <message>
        <source>{member} — {how}, {start} to {end}</source>
        <translation>{member} — {how}，{start} 至 {end}</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>无未办结诉求。</translation>
    </message>
    <message>
        <source> (time not written)</source>
        <translation>（时间未写）</translation>
    </message>
    <message>
        <source>Withdrawn on {when}</source>
        <translation>已于 {when} 撤回</translation>
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
    <name>StatusLegend</name>
    <message>
        <source>open requests</source>
        <translation>未办结诉求</translation>
    </message>
    <message>
        <source>Markers in the corner of a room: its residents' special groups.</source>
        <translation>房间角上的字：住户中的重点人群。</translation>
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