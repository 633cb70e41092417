<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeclareDialog</name>
    <message>
        <source>Declare an emergency</source>
        <translation>宣布进入应急状态</translation>
    </message>
    <message>
        <source>e.g. Blizzard response, 27 November</source>
        <translation>例如：11月27日暴雪应急响应</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Started at:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Declared by:</source>
        <translation>宣布人：</translation>
    </message>
    <message>
        <source>Reach priority households every:</source>
        <translation>重点户联系周期：</translation>
    </message>
    <message>
        <source>Reach other households every:</source>
        <translation>其他住户联系周期：</translation>
    </message>
    <message>
        <source>While the emergency is in force these cycles replace the normal ones, the board shows priority households first and the roll call opens every day.</source>
        <translation>应急期间以上周期替代平时的走访周期，楼栋图优先显示重点户，每天开展点名排查。</translation>
    </message>
    <message>
        <source>Declare</source>
        <translation>宣布</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <source>Roll call</source>
        <translation>每日点名</translation>
    </message>
    <message>
        <source>End emergency…</source>
        <translation>结束应急…</translation>
    </message>
    <message>
        <source>EMERGENCY: {name} ({kind}) since {start}, declared by {by}. Priority households every {priority} day(s), others every {other} day(s).</source>
        <translation>应急状态：{name}（{kind}），{start} 起，{by} 宣布。重点户每 {priority} 天联系一次，其他住户每 {other} 天一次。</translation>
    </message>
    <message>
        <source>Today: {done} of {total} reached, {alarms} unreachable twice.</source>
        <translation>今日已联系 {done}/{total} 户，连续两次联系不上 {alarms} 户。</translation>
    </message>
</context>
<context>
    <name>EmergencyDesk</name>
    <message>
        <source>Rosters (1+4+N)</source>
        <translation>“1+4+N”编组</translation>
    </message>
    <message>
        <source>Instructions and feedback</source>
        <translation>指令与反馈</translation>
    </message>
    <message>
        <source>Scarce supplies</source>
        <translation>紧缺物资</translation>
    </message>
    <message>
        <source>No emergency has been declared in this file.</source>
        <translation>本文件尚未宣布过应急状态。</translation>
    </message>
    <message>
        <source>In force: {name}</source>
        <translation>进行中：{name}</translation>
    </message>
    <message>
        <source>Ended {end}: {name}</source>
        <translation>已于 {end} 结束：{name}</translation>
    </message>
</context>
<context>
    <name>EmergencyFeature</name>
    <message>
        <source>Roll call</source>
        <translation>每日点名</translation>
    </message>
    <message>
        <source>Emergency desk</source>
        <translation>应急工作台</translation>
    </message>
    <message>
        <source>&amp;Declare an emergency…</source>
        <translation>宣布进入应急状态(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;End the emergency…</source>
        <translation>结束应急状态(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print door-knocking lists…</source>
        <translation>打印敲门排查清单(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the grids' r&amp;osters…</source>
        <translation>打印各网格战时编组(&amp;O)…</translation>
    </message>
    <message>
        <source>End-of-emergency &amp;report (PDF and Excel)…</source>
        <translation>应急总结报告（PDF 和 Excel）(&amp;R)…</translation>
    </message>
    <message>
        <source>Declare an emergency</source>
        <translation>宣布进入应急状态</translation>
    </message>
    <message>
        <source>End the emergency</source>
        <translation>结束应急状态</translation>
    </message>
    <message>
        <source>End “{name}” and go back to the normal visit cycles?</source>
        <translation>结束“{name}”并恢复平时的走访周期？</translation>
    </message>
    <message>
        <source>End-of-emergency report</source>
        <translation>应急总结报告</translation>
    </message>
    <message>
        <source>The emergency has ended. Save the end-of-emergency report now?</source>
        <translation>应急状态已结束。现在保存应急总结报告吗？</translation>
    </message>
    <message>
        <source>Door-knocking lists</source>
        <translation>敲门排查清单</translation>
    </message>
    <message>
        <source>No emergency is in force.</source>
        <translation>当前没有进行中的应急状态。</translation>
    </message>
    <message>
        <source>Save door-knocking lists</source>
        <translation>保存敲门排查清单</translation>
    </message>
    <message>
        <source>Rosters</source>
        <translation>战时编组名单</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>工作指令</translation>
    </message>
    <message>
        <source>Emergency report</source>
        <translation>应急总结报告</translation>
    </message>
    <message>
        <source>Printing door-knocking lists</source>
        <translation>正在生成敲门排查清单</translation>
    </message>
    <message>
        <source>Save rosters</source>
        <translation>保存战时编组名单</translation>
    </message>
    <message>
        <source>Printing rosters</source>
        <translation>正在生成编组名单</translation>
    </message>
    <message>
        <source>Save instruction</source>
        <translation>保存指令</translation>
    </message>
    <message>
        <source>Printing the instruction</source>
        <translation>正在生成工作指令</translation>
    </message>
    <message>
        <source>No emergency has been declared.</source>
        <translation>尚未宣布过应急状态。</translation>
    </message>
    <message>
        <source>Save the end-of-emergency report</source>
        <translation>保存应急总结报告</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>正在生成报告</translation>
    </message>
</context>
<context>
    <name>EmergencyLabels</name>
    <message>
        <source>Epidemic</source>
        <translation>疫情防控</translation>
    </message>
    <message>
        <source>Blizzard</source>
        <translation>暴雪</translation>
    </message>
    <message>
        <source>Power cut</source>
        <translation>停电</translation>
    </message>
    <message>
        <source>Flood</source>
        <translation>洪涝</translation>
    </message>
    <message>
        <source>Heat wave</source>
        <translation>高温</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Reached, safe</source>
        <translation>已联系·平安</translation>
    </message>
    <message>
        <source>Reached, needs help</source>
        <translation>已联系·需帮助</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>Not yet tried</source>
        <translation>未联系</translation>
    </message>
    <message>
        <source>Temporary branch secretary</source>
        <translation>临时党支部书记</translation>
    </message>
    <message>
        <source>Cadre sent down</source>
        <translation>下沉干部</translation>
    </message>
    <message>
        <source>Community worker</source>
        <translation>社区工作者</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Building head</source>
        <translation>楼栋长</translation>
    </message>
    <message>
        <source>Member volunteer</source>
        <translation>党员志愿者</translation>
    </message>
</context>
<context>
    <name>EmergencyPrint</name>
    <message>
        <source>(to be named)</source>
        <translation>（待指定）</translation>
    </message>
    <message>
        <source>Front-line team (1+4+N)</source>
        <translation>战时编组（1+4+N）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind of member</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>No roster yet</source>
        <translation>尚未编组</translation>
    </message>
    <message>
        <source>Emergency roster — {grid}</source>
        <translation>战时编组名单——{grid}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Paired members</source>
        <translation>结对党员</translation>
    </message>
    <message>
        <source>So far today</source>
        <translation>今日情况</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>排查结果</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>□ safe  □ needs help  □ unreachable</source>
        <translation>□平安 □需帮助 □联系不上</translation>
    </message>
    <message>
        <source>Emergency door-knocking list — {grid}</source>
        <translation>应急敲门排查清单——{grid}</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>应急事件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Priority households</source>
        <translation>重点户数</translation>
    </message>
    <message>
        <source>Unreachable twice</source>
        <translation>连续两次联系不上</translation>
    </message>
    <message>
        <source>Reach every household below today. Tick one box: safe, needs help, unreachable; write what they need. Households unreachable twice are shaded: go in person.</source>
        <translation>请于今日联系下列每一户，勾选一项：平安、需帮助、联系不上，并写明需求。灰底为连续两次联系不上的住户，请上门查看。</translation>
    </message>
    <message>
        <source>{grid} · door-knocking list {day}</source>
        <translation>{grid} · 敲门排查清单 {day}</translation>
    </message>
    <message>
        <source>Emergency door-knocking lists</source>
        <translation>应急敲门排查清单</translation>
    </message>
    <message>
        <source>Instruction to {grid}</source>
        <translation>工作指令——{grid}</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>下达人</translation>
    </message>
    <message>
        <source>Feedback from the grid (bring or phone it back to the office):</source>
        <translation>网格反馈（请送回或电话报社区）：</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Grid leader's signature</source>
        <translation>网格长签字</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Households reached</source>
        <translation>联系户数</translation>
    </message>
    <message>
        <source>Priority reached</source>
        <translation>重点户已联系</translation>
    </message>
    <message>
        <source>Priority coverage</source>
        <translation>重点户覆盖率</translation>
    </message>
    <message>
        <source>Safe</source>
        <translation>平安</translation>
    </message>
    <message>
        <source>Needs help</source>
        <translation>需帮助</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>Requests raised</source>
        <translation>新增诉求</translation>
    </message>
    <message>
        <source>Requests closed</source>
        <translation>办结诉求</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>配送次数</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已配送</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <source>End-of-emergency report</source>
        <translation>应急总结报告</translation>
    </message>
    <message>
        <source>End-of-emergency report: {name}</source>
        <translation>应急总结报告：{name}</translation>
    </message>
    <message>
        <source>Declared by</source>
        <translation>宣布人</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>still in force</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>逐日情况</translation>
    </message>
    <message>
        <source>Supplies delivered</source>
        <translation>已配送物资</translation>
    </message>
    <message>
        <source>Supplies still outstanding</source>
        <translation>尚缺物资</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需求量</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An emergency needs a name.</source>
        <translation>应急事件需要名称。</translation>
    </message>
    <message>
        <source>Unknown kind of emergency {value}.</source>
        <translation>未知的应急类型 {value}。</translation>
    </message>
    <message>
        <source>Emergency cycles must be 1–30 days, priority households no less often than others.</source>
        <translation>应急联系周期须为 1–30 天，且重点户不得少于其他住户的频次。</translation>
    </message>
    <message>
        <source>An emergency is already in force; end it before declaring another.</source>
        <translation>已有进行中的应急状态，请先结束再宣布新的。</translation>
    </message>
    <message>
        <source>An emergency cannot start in the future ({value}).</source>
        <translation>应急状态的开始时间不能晚于今天（{value}）。</translation>
    </message>
    <message>
        <source>This emergency has already ended.</source>
        <translation>该应急状态已经结束。</translation>
    </message>
    <message>
        <source>An emergency cannot end before it started ({value}).</source>
        <translation>结束时间不能早于开始时间（{value}）。</translation>
    </message>
    <message>
        <source>Unknown roll-call result {value}.</source>
        <translation>未知的点名结果 {value}。</translation>
    </message>
    <message>
        <source>This emergency has ended; roll call is closed.</source>
        <translation>应急状态已结束，点名已关闭。</translation>
    </message>
    <message>
        <source>This roll-call result was already withdrawn.</source>
        <translation>该点名结果已经撤回。</translation>
    </message>
    <message>
        <source>Unknown roster role {value}.</source>
        <translation>未知的编组职责 {value}。</translation>
    </message>
    <message>
        <source>{name} is already on the roster of {grid}.</source>
        <translation>{name} 已在 {grid} 的编组中。</translation>
    </message>
    <message>
        <source>{grid} already has a temporary branch secretary ({name}).</source>
        <translation>{grid} 已有临时党支部书记（{name}）。</translation>
    </message>
    <message>
        <source>This member has already left the roster.</source>
        <translation>该党员已移出编组。</translation>
    </message>
    <message>
        <source>An instruction needs some text.</source>
        <translation>请填写指令内容。</translation>
    </message>
    <message>
        <source>Choose at least one grid.</source>
        <translation>请至少选择一个网格。</translation>
    </message>
    <message>
        <source>Feedback needs some text.</source>
        <translation>请填写反馈内容。</translation>
    </message>
    <message>
        <source>This instruction was not sent to that grid.</source>
        <translation>该指令未下达给这个网格。</translation>
    </message>
    <message>
        <source>A delivery needs an item.</source>
        <translation>请填写配送的物资。</translation>
    </message>
    <message>
        <source>A quantity must be more than zero ({value}).</source>
        <translation>数量必须大于零（{value}）。</translation>
    </message>
</context>
<context>
    <name>InstructionsTab</name>
    <message>
        <source>The instruction, as the grids should read it</source>
        <translation>指令内容（网格看到的原文）</translation>
    </message>
    <message>
        <source>Record instruction</source>
        <translation>登记指令</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下达时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>The selected grid's feedback</source>
        <translation>所选网格的反馈</translation>
    </message>
    <message>
        <source>Record feedback</source>
        <translation>登记反馈</translation>
    </message>
    <message>
        <source>Print instruction…</source>
        <translation>打印指令…</translation>
    </message>
    <message>
        <source>No instructions yet.</source>
        <translation>暂无指令。</translation>
    </message>
    <message>
        <source>Not answered yet ({n}): {grids}</source>
        <translation>尚未反馈（{n}）：{grids}</translation>
    </message>
    <message>
        <source>Every grid has answered.</source>
        <translation>各网格均已反馈。</translation>
    </message>
    <message>
        <source>Record an instruction</source>
        <translation>记录指令</translation>
    </message>
</context>
<context>
    <name>RollcallModel</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Reached by</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>{state} (unreachable twice)</source>
        <translation>{state}（连续两次联系不上）</translation>
    </message>
</context>
<context>
    <name>RollcallView</name>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Keys: 1 reached, safe · 2 reached, needs help · 3 unreachable · 0 withdraw · Ctrl+Z undo</source>
        <translation>按键：1 已联系·平安 · 2 已联系·需帮助 · 3 联系不上 · 0 撤回 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Reached by:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Roll call: {state}</source>
        <translation>点名：{state}</translation>
    </message>
    <message>
        <source>Withdraw roll-call result</source>
        <translation>撤回点名结果</translation>
    </message>
    <message>
        <source>No emergency in force: roll call starts when one is declared.</source>
        <translation>当前不在应急状态：宣布应急后开始每日点名。</translation>
    </message>
    <message>
        <source>Roll call of priority households — {day}</source>
        <translation>重点户每日点名——{day}</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>(me, {operator})</source>
        <translation>（本人：{operator}）</translation>
    </message>
    <message>
        <source>{total} priority households · safe {safe} · needs help {help} · unreachable {unreachable} · not yet tried {untried} · unreachable twice: {alarms}</source>
        <translation>重点户 {total} 户 · 平安 {safe} · 需帮助 {help} · 联系不上 {unreachable} · 未联系 {untried} · 连续两次联系不上 {alarms}</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind of member</source>
        <translation>党员类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Add to roster</source>
        <translation>加入编组</translation>
    </message>
    <message>
        <source>Remove from roster</source>
        <translation>移出编组</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>党员：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>职责：</translation>
    </message>
    <message>
        <source>Still to fill for 1+4+N: {roles}. Volunteers: {n}.</source>
        <translation>“1+4+N”尚缺：{roles}。党员志愿者 {n} 人。</translation>
    </message>
    <message>
        <source>1+4 complete; {n} member volunteer(s).</source>
        <translation>“1+4”已配齐；党员志愿者 {n} 人。</translation>
    </message>
    <message>
        <source>Add to the roster</source>
        <translation>加入值守名单</translation>
    </message>
    <message>
        <source>Take off the roster</source>
        <translation>移出值守名单</translation>
    </message>
</context>
<context>
    <name>SuppliesTab</name>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需求量</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已配送</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚缺</translation>
    </message>
    <message>
        <source>Record delivery</source>
        <translation>登记配送</translation>
    </message>
    <message>
        <source>Delivered to a grid:</source>
        <translation>配送到网格：</translation>
    </message>
    <message>
        <source>Record a delivery</source>
        <translation>登记物资发放</translation>
    </message>
</context>
</TS>