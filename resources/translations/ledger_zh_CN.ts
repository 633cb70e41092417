<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Unknown pairing mode {mode}.</source>
        <translation>未知的结对方式 {mode}。</translation>
    </message>
    <message>
        <source>This member is already paired with this household.</source>
        <translation>该党员已与此户结对。</translation>
    </message>
    <message>
        <source>This pairing has already ended.</source>
        <translation>该结对已结束。</translation>
    </message>
    <message>
        <source>This scope has already ended.</source>
        <translation>该包片已结束。</translation>
    </message>
    <message>
        <source>Choose at least one household.</source>
        <translation>请至少选择一户。</translation>
    </message>
    <message>
        <source>No member with id {id}.</source>
        <translation>没有编号为 {id} 的党员。</translation>
    </message>
    <message>
        <source>{name} no longer serves; choose an active member.</source>
        <translation>{name} 已不在岗，请选择在岗党员。</translation>
    </message>
    <message>
        <source>{building} has no unit {unit}.</source>
        <translation>{building}没有{unit}单元。</translation>
    </message>
    <message>
        <source>{building} has no floor {floor}.</source>
        <translation>{building}没有{floor}层。</translation>
    </message>
    <message>
        <source>This member already covers that place.</source>
        <translation>该党员已包联此处。</translation>
    </message>
    <message>
        <source>Choose a different member to take over.</source>
        <translation>请选择另一名党员接手。</translation>
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
        <source>Unknown grid role {role}.</source>
        <translation>未知的网格职务 {role}。</translation>
    </message>
    <message>
        <source>Choose the building for this role.</source>
        <translation>请为该职务选择楼栋。</translation>
    </message>
    <message>
        <source>That building is not in this grid.</source>
        <translation>该楼栋不在本网格内。</translation>
    </message>
    <message>
        <source>Choose the unit for this role.</source>
        <translation>请为该职务选择单元。</translation>
    </message>
    <message>
        <source>This member already has that role.</source>
        <translation>该党员已担任此职务。</translation>
    </message>
    <message>
        <source>This role has already ended.</source>
        <translation>该职务已结束。</translation>
    </message>
    <message>
        <source>Unknown floor order {value}.</source>
        <translation>未知的楼层顺序 {value}。</translation>
    </message>
    <message>
        <source>No building with id {id}.</source>
        <translation>没有编号为 {id} 的楼栋。</translation>
    </message>
    <message>
        <source>Unknown grid section {value}.</source>
        <translation>未知的网格分节方式 {value}。</translation>
    </message>
    <message>
        <source>There is no printed sheet numbered {sheet_no}.</source>
        <translation>没有编号为 {sheet_no} 的已打印走访单。</translation>
    </message>
    <message>
        <source>Sheet {sheet_no} has no row {rows}.</source>
        <translation>走访单 {sheet_no} 没有第 {rows} 行。</translation>
    </message>
    <message>
        <source>Row {rows} of sheet {sheet_no} has already been entered; nothing was saved.</source>
        <translation>走访单 {sheet_no} 的第 {rows} 行已经录入过，本次未保存任何内容。</translation>
    </message>
    <message>
        <source>Row {row}: choose how the visit went and how it was made.</source>
        <translation>第 {row} 行：请选择走访结果和走访方式。</translation>
    </message>
    <message>
        <source>Row {row}: choose the request's category and urgency.</source>
        <translation>第 {row} 行：请选择诉求的类别和紧急程度。</translation>
    </message>
    <message>
        <source>Row {row}: write the request under Situation and requests to raise it.</source>
        <translation>第 {row} 行：要登记为诉求，请先在“情况及诉求”里写明内容。</translation>
    </message>
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
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Pair a member…</source>
        <translation>结对党员…</translation>
    </message>
    <message>
        <source>Edit household…</source>
        <translation>编辑住户…</translation>
    </message>
    <message>
        <source>Residents…</source>
        <translation>居民…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Select a household on the map first.</source>
        <translation>请先在楼栋图上选择一户。</translation>
    </message>
    <message>
        <source>Open a building on the board first.</source>
        <translation>请先在看板上打开一栋楼。</translation>
    </message>
    <message>
        <source>New community…</source>
        <translation>新建社区…</translation>
    </message>
    <message>
        <source>Edit community…</source>
        <translation>编辑社区…</translation>
    </message>
    <message>
        <source>There is no community yet.</source>
        <translation>还没有社区。</translation>
    </message>
    <message>
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
    <message>
        <source>Edit grid…</source>
        <translation>编辑网格…</translation>
    </message>
    <message>
        <source>There is no grid yet.</source>
        <translation>还没有网格。</translation>
    </message>
    <message>
        <source>Grid team…</source>
        <translation>网格队伍…</translation>
    </message>
    <message>
        <source>New building…</source>
        <translation>新建楼栋…</translation>
    </message>
    <message>
        <source>Edit building…</source>
        <translation>编辑楼栋…</translation>
    </message>
    <message>
        <source>Add a room…</source>
        <translation>添加房间…</translation>
    </message>
    <message>
        <source>Remove building</source>
        <translation>移除楼栋</translation>
    </message>
    <message>
        <source>Move residents out</source>
        <translation>居民迁出</translation>
    </message>
    <message>
        <source>Move new residents in…</source>
        <translation>新居民迁入…</translation>
    </message>
    <message>
        <source>Merge selected rooms…</source>
        <translation>合并所选房间…</translation>
    </message>
    <message>
        <source>Remove household</source>
        <translation>移除住户</translation>
    </message>
    <message>
        <source>this household</source>
        <translation>此住户</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>新增党员…</translation>
    </message>
    <message>
        <source>Unpaired priority households</source>
        <translation>未结对重点户</translation>
    </message>
    <message>
        <source>Pair a member with this household…</source>
        <translation>为此户结对党员…</translation>
    </message>
    <message>
        <source>Pair one member with these {n} households…</source>
        <translation>一名党员结对这 {n} 户…</translation>
    </message>
    <message>
        <source>Give floor {floor} of unit {unit} to a member…</source>
        <translation>{unit}单元{floor}层交给党员包联…</translation>
    </message>
    <message>
        <source>Give floor {floor} to a member…</source>
        <translation>{floor}层交给党员包联…</translation>
    </message>
    <message>
        <source>Give unit {unit} to a member…</source>
        <translation>{unit}单元交给党员包联…</translation>
    </message>
    <message>
        <source>Give the whole building to a member…</source>
        <translation>整栋楼交给党员包联…</translation>
    </message>
    <message>
        <source>Merge these rooms into one home…</source>
        <translation>将这些房间合并为一户…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {what}? Its history stays in the file and it can be undone.</source>
        <translation>移除{what}？其历史记录仍保留在文件中，并可撤销。</translation>
    </message>
    <message>
        <source>Remove {what}</source>
        <translation>移除{what}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>服务电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>New community</source>
        <translation>新建社区</translation>
    </message>
    <message>
        <source>Edit community</source>
        <translation>编辑社区</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>New grid</source>
        <translation>新建网格</translation>
    </message>
    <message>
        <source>Edit grid</source>
        <translation>编辑网格</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>楼号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Apartment block</source>
        <translation>单元楼</translation>
    </message>
    <message>
        <source>Courtyard</source>
        <translation>平房院落</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Rooms per floor</source>
        <translation>每层户数</translation>
    </message>
    <message>
        <source>New building</source>
        <translation>新建楼栋</translation>
    </message>
    <message>
        <source>Edit building</source>
        <translation>编辑楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
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
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>居住状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add a room</source>
        <translation>添加房间</translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation>编辑住户</translation>
    </message>
    <message>
        <source>Edit household {room}</source>
        <translation>编辑住户 {room}</translation>
    </message>
    <message>
        <source>Merge rooms</source>
        <translation>合并房间</translation>
    </message>
    <message>
        <source>Select two or more rooms of one unit on the map first.</source>
        <translation>请先在楼栋图上选择同一单元的两户或以上。</translation>
    </message>
    <message>
        <source>Room number of the merged home:</source>
        <translation>合并后的门牌号：</translation>
    </message>
    <message>
        <source>Move out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Everyone living here moves out and the household becomes vacant. Go on?</source>
        <translation>此户所有居民迁出，房屋变为空置。继续吗？</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Move in</source>
        <translation>迁入</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add a resident</source>
        <translation>添加居民</translation>
    </message>
    <message>
        <source>Edit resident</source>
        <translation>编辑居民</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>所在支部</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>编辑党员</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>Show on the map</source>
        <translation>在楼栋图上显示</translation>
    </message>
    <message>
        <source>Give households…</source>
        <translation>分配包联户…</translation>
    </message>
    <message>
        <source>Reassign all (leaving)…</source>
        <translation>全部转交（离任）…</translation>
    </message>
    <message>
        <source>End selected pairing…</source>
        <translation>结束所选结对…</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>编辑党员…</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>移除党员</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>包联</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
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
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>No member selected</source>
        <translation>未选择党员</translation>
    </message>
    <message>
        <source>Choose a member in the list to see their households and visits.</source>
        <translation>在列表中选择一名党员，查看其包联户和走访记录。</translation>
    </message>
    <message>
        <source>no longer serving</source>
        <translation>已不在岗</translation>
    </message>
    <message>
        <source>Branch: {branch}</source>
        <translation>支部：{branch}</translation>
    </message>
    <message>
        <source>Work unit: {unit}</source>
        <translation>工作单位：{unit}</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
    <message>
        <source>Lives at {building} {unit}-{room}</source>
        <translation>住址：{building} {unit}-{room}</translation>
    </message>
    <message>
        <source>Covers {households} households ({priority} priority), {visited} visited this cycle.</source>
        <translation>包联 {households} 户（重点户 {priority} 户），本周期已走访 {visited} 户。</translation>
    </message>
    <message>
        <source>Over the office's load limit of {limit} households.</source>
        <translation>超过本社区每人 {limit} 户的包联上限。</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
</context>
<context>
    <name>MembersList</name>
    <message>
        <source>Filter by name, branch, work unit or phone tail…</source>
        <translation>按姓名、支部、工作单位或手机尾号筛选…</translation>
    </message>
    <message>
        <source>Only over the limit</source>
        <translation>只看超上限</translation>
    </message>
    <message>
        <source>Show phone numbers</source>
        <translation>显示完整电话</translation>
    </message>
    <message>
        <source>New member…</source>
        <translation>新增党员…</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>{count} serving members · load limit {limit} households · {over} over the limit</source>
        <translation>在岗党员 {count} 人 · 包联上限 {limit} 户 · {over} 人超上限</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Branch / work unit</source>
        <translation>支部 / 工作单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>包联户数</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>重点户</translation>
    </message>
    <message>
        <source>Visited this cycle</source>
        <translation>本周期已走访</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <source>Over the limit of {limit}</source>
        <translation>超过上限 {limit}</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Unpaired priority households</source>
        <translation>未结对重点户</translation>
    </message>
</context>
<context>
    <name>Pairing</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>包联户数</translation>
    </message>
    <message>
        <source>Branch / work unit</source>
        <translation>支部 / 工作单位</translation>
    </message>
    <message>
        <source>At or over the load limit of {limit} households</source>
        <translation>已达或超过 {limit} 户的包联上限</translation>
    </message>
    <message>
        <source>Type a name to filter…</source>
        <translation>输入姓名筛选…</translation>
    </message>
    <message>
        <source>{building} unit {unit}, floor {floor}</source>
        <translation>{building}{unit}单元{floor}层</translation>
    </message>
    <message>
        <source>{building} unit {unit}</source>
        <translation>{building}{unit}单元</translation>
    </message>
    <message>
        <source>{building} floor {floor} (all units)</source>
        <translation>{building}{floor}层（全部单元）</translation>
    </message>
    <message>
        <source>{building} (the whole building)</source>
        <translation>{building}（整栋）</translation>
    </message>
    <message>
        <source>Pair a member</source>
        <translation>结对党员</translation>
    </message>
    <message>
        <source>Give {place} to a member; households added there later are covered too.</source>
        <translation>将{place}交给一名党员包联；以后新增的住户也自动包联。</translation>
    </message>
    <message>
        <source>Pair a member with {building} {unit}-{room} {head}.</source>
        <translation>为 {building} {unit}-{room} {head} 结对党员。</translation>
    </message>
    <message>
        <source>Pair one member with these {count} households (1+N).</source>
        <translation>一名党员结对这 {count} 户（1+N）。</translation>
    </message>
    <message>
        <source>Chosen for me</source>
        <translation>自动判断</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose a member first.</source>
        <translation>请先选择一名党员。</translation>
    </message>
    <message>
        <source>Give {place} to a member</source>
        <translation>{place}交给党员包联</translation>
    </message>
    <message>
        <source>Give households to a member</source>
        <translation>分配包联户</translation>
    </message>
    <message>
        <source>What should {name} cover?</source>
        <translation>{name} 包联哪里？</translation>
    </message>
    <message>
        <source>One household (1+1)</source>
        <translation>一户（1+1）</translation>
    </message>
    <message>
        <source>A floor (包楼层)</source>
        <translation>一层（包楼层）</translation>
    </message>
    <message>
        <source>A unit (包单元)</source>
        <translation>一个单元（包单元）</translation>
    </message>
    <message>
        <source>The whole building (包楼栋)</source>
        <translation>整栋楼（包楼栋）</translation>
    </message>
    <message>
        <source>(all units)</source>
        <translation>（全部单元）</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>包联</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>There is no such room in that building and unit.</source>
        <translation>该楼栋单元内没有这个房间。</translation>
    </message>
    <message>
        <source>Reassign a leaving member</source>
        <translation>转交离任党员的包联户</translation>
    </message>
    <message>
        <source>{name} hands over {count} pairings and places. Choose who takes them over:</source>
        <translation>{name} 移交 {count} 项结对和包片。请选择接手的党员：</translation>
    </message>
    <message>
        <source>e.g. moved away, transferred</source>
        <translation>如：搬离、调动</translation>
    </message>
    <message>
        <source>Has {name} left? Mark {name} as no longer serving (kept in the file, not offered again).</source>
        <translation>{name}是否已离开？标记{name}为不再在岗（记录保留，不再供选择）。</translation>
    </message>
    <message>
        <source>Mark {name} as no longer serving</source>
        <translation>将{name}标记为不再服务</translation>
    </message>
    <message>
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>Why does it end?</source>
        <translation>结束原因：</translation>
    </message>
    <message>
        <source>Grid team</source>
        <translation>网格队伍</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>负责范围</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>任职自</translation>
    </message>
    <message>
        <source>End the selected role</source>
        <translation>结束所选职务</translation>
    </message>
    <message>
        <source>Give a role</source>
        <translation>任命职务</translation>
    </message>
    <message>
        <source>Give the role</source>
        <translation>任命</translation>
    </message>
    <message>
        <source> unit {unit}</source>
        <translation>{unit}单元</translation>
    </message>
    <message>
        <source>Give a grid role</source>
        <translation>任命网格职务</translation>
    </message>
    <message>
        <source>End a grid role</source>
        <translation>结束网格职务</translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Proposed member</source>
        <translation>建议党员</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Their load</source>
        <translation>其负荷</translation>
    </message>
    <message>
        <source>Same unit</source>
        <translation>同单元</translation>
    </message>
    <message>
        <source>Same building</source>
        <translation>同楼栋</translation>
    </message>
    <message>
        <source>Same grid</source>
        <translation>同网格</translation>
    </message>
    <message>
        <source>Chosen by you</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <source>Nobody has room</source>
        <translation>无人可接</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高风险</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>重点</translation>
    </message>
</context>
<context>
    <name>ProposalsPanel</name>
    <message>
        <source>Accept selected</source>
        <translation>接受所选</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Change member…</source>
        <translation>更换党员…</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>重新建议</translation>
    </message>
    <message>
        <source>{count} priority households have nobody covering them. Each has a proposed member: same unit first, then same building, then same grid; lowest load first, never over the limit.</source>
        <translation>{count} 户重点户无人包联。每户都有建议党员：先同单元，再同楼栋，再同网格；负荷低者优先，绝不超过上限。</translation>
    </message>
    <message>
        <source>{n} have nobody with room left.</source>
        <translation>其中 {n} 户暂无可接手的党员。</translation>
    </message>
    <message>
        <source>Priority household</source>
        <translation>重点户结对</translation>
    </message>
    <message>
        <source>Accept {count} proposed pairings</source>
        <translation>接受 {count} 项建议结对</translation>
    </message>
    <message>
        <source>Change member</source>
        <translation>更换党员</translation>
    </message>
    <message>
        <source>Select a household in the list first.</source>
        <translation>请先在列表中选择一户。</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Find: name, zs, phone tail, 3-2-502 (Ctrl+F)</source>
        <translation>查找：姓名、拼音首字母、手机尾号、3-2-502（Ctrl+F）</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”</source>
        <translation>没有找到“{text}”</translation>
    </message>
    <message>
        <source>Preparing pinyin search…</source>
        <translation>正在准备拼音检索…</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>household</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
</context>
</TS>