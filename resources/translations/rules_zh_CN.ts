<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>A floor is {low} to {high} (below 0 for basements), not {value}.</source>
        <translation>楼层应为 {low} 到 {high}（地下为负数），不能是 {value}。</translation>
    </message>
    <message>
        <source>There is no floor 0: the ground floor is 1, the first basement -1.</source>
        <translation>没有第 0 层：地面一层是 1，地下一层是 -1。</translation>
    </message>
    <message>
        <source>A unit is {low} to {high}, not {value}.</source>
        <translation>单元应为 {low} 到 {high}，不能是 {value}。</translation>
    </message>
    <message>
        <source>A household has {low} to {high} people, not {value}.</source>
        <translation>每户人口应为 {low} 到 {high} 人，不能是 {value}。</translation>
    </message>
    <message>
        <source>A birth year is {low} to {high} (not in the future), not {value}.</source>
        <translation>出生年份应为 {low} 到 {high}（不能是将来），不能是 {value}。</translation>
    </message>
    <message>
        <source>A name has at most {length} characters; this one has {count}.</source>
        <translation>姓名最多 {length} 个字，这里有 {count} 个字。</translation>
    </message>
    <message>
        <source>A community needs a name.</source>
        <translation>社区需要名称。</translation>
    </message>
    <message>
        <source>A grid needs a name.</source>
        <translation>网格需要名称。</translation>
    </message>
    <message>
        <source>A building needs a name.</source>
        <translation>楼栋需要名称。</translation>
    </message>
    <message>
        <source>Unknown building kind {kind}.</source>
        <translation>未知的楼栋类型 {kind}。</translation>
    </message>
    <message>
        <source>A building has 1 to 50 units, not {units}.</source>
        <translation>楼栋单元数应为 1 至 50，而不是 {units}。</translation>
    </message>
    <message>
        <source>A building has 1 to 120 floors, not {floors}.</source>
        <translation>楼栋层数应为 1 至 120，而不是 {floors}。</translation>
    </message>
    <message>
        <source>Rooms per floor must be 1 to 200, not {rooms}.</source>
        <translation>每层户数应为 1 至 200，而不是 {rooms}。</translation>
    </message>
    <message>
        <source>Unknown occupancy {value}.</source>
        <translation>未知的居住状态 {value}。</translation>
    </message>
    <message>
        <source>A household needs a room number.</source>
        <translation>住户需要门牌号。</translation>
    </message>
    <message>
        <source>Unit {unit} room {room} already exists in this building.</source>
        <translation>本楼已有{unit}单元{room}室。</translation>
    </message>
    <message>
        <source>Cannot edit {fields} of a household.</source>
        <translation>不能修改住户的 {fields}。</translation>
    </message>
    <message>
        <source>A resident needs a name.</source>
        <translation>居民需要姓名。</translation>
    </message>
    <message>
        <source>Unknown gender {value}.</source>
        <translation>未知的性别 {value}。</translation>
    </message>
    <message>
        <source>Unknown tag(s): {tags}.</source>
        <translation>未知的标签：{tags}。</translation>
    </message>
    <message>
        <source>A member needs a name.</source>
        <translation>党员需要姓名。</translation>
    </message>
    <message>
        <source>Unknown member kind {kind}.</source>
        <translation>未知的党员类别 {kind}。</translation>
    </message>
    <message>
        <source>Cannot edit {fields} of a {table}.</source>
        <translation>不能修改{table}的 {fields}。</translation>
    </message>
    <message>
        <source>A name cannot be empty.</source>
        <translation>名称不能为空。</translation>
    </message>
    <message>
        <source>Cannot remove a {table}.</source>
        <translation>不能删除{table}。</translation>
    </message>
    <message>
        <source>This has already been removed.</source>
        <translation>已经移除过了。</translation>
    </message>
    <message>
        <source>{name} still covers households: reassign or end them before removing.</source>
        <translation>{name} 仍包联着住户：请先转交或结束后再移除。</translation>
    </message>
    <message>
        <source>Name at least one resident moving in.</source>
        <translation>请至少填写一名迁入居民。</translation>
    </message>
    <message>
        <source>Choose two or more rooms to merge.</source>
        <translation>请选择两户或以上进行合并。</translation>
    </message>
    <message>
        <source>Only rooms in the same unit of one building can be merged.</source>
        <translation>只能合并同一楼栋同一单元的房间。</translation>
    </message>
    <message>
        <source>A room is a number or a short label such as 502, B101, 101A or 18号商铺, not {value}.</source>
        <translation>门牌号应为数字或简短的标注，如 502、B101、101A、18号商铺，不能是 {value}。</translation>
    </message>
    <message>
        <source>A phone number is digits (with - or spaces), such as 13812345678 or 0931-8123456.</source>
        <translation>电话号码由数字组成（可带 - 或空格），如 13812345678 或 0931-8123456。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters: 17 digits, then a digit or X.</source>
        <translation>身份证号为 18 位：17 位数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <source>The ID number's check digit is wrong (a typo?).</source>
        <translation>身份证号校验位不对（是否输错了？）。</translation>
    </message>
    <message>
        <source>A note has at most {length} characters; this one has {count}.</source>
        <translation>备注最多 {length} 个字，这里有 {count} 个字。</translation>
    </message>
    <message>
        <source>A visit cannot be dated before {day}.</source>
        <translation>走访日期不能早于 {day}。</translation>
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
</TS>