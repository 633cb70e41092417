<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>{value} is not a date (field {field}).</source>
        <translation>{value} 不是日期（{field}）。</translation>
    </message>
    <message>
        <source>A unit needs a name.</source>
        <translation>单位需要填写名称。</translation>
    </message>
    <message>
        <source>Unknown unit kind {value}.</source>
        <translation>未知的单位类型 {value}。</translation>
    </message>
    <message>
        <source>The contract cannot end ({end}) before it starts ({start}).</source>
        <translation>共建协议的结束日期（{end}）不能早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>{name} is no longer a paired unit.</source>
        <translation>{name} 已不是结对单位。</translation>
    </message>
    <message>
        <source>No {table} with id {id}.</source>
        <translation>找不到编号为 {id} 的 {table}。</translation>
    </message>
    <message>
        <source>Say who reports in: a member or a unit.</source>
        <translation>请说明报到的是党员还是单位。</translation>
    </message>
    <message>
        <source>A report cannot be in the future ({value}).</source>
        <translation>报到日期不能是将来（{value}）。</translation>
    </message>
    <message>
        <source>{name} has already reported in (slip {slip}).</source>
        <translation>{name} 已经报到（报到单 {slip}）。</translation>
    </message>
    <message>
        <source>Slip {slip} was already received.</source>
        <translation>报到单 {slip} 已经签收。</translation>
    </message>
    <message>
        <source>{value} is not a date.</source>
        <translation>{value} 不是日期。</translation>
    </message>
    <message>
        <source>Unknown service category {value}.</source>
        <translation>未知的服务类别 {value}。</translation>
    </message>
    <message>
        <source>Give it a title.</source>
        <translation>请填写名称。</translation>
    </message>
    <message>
        <source>A title has at most 80 characters.</source>
        <translation>名称最多 80 个字。</translation>
    </message>
    <message>
        <source>A post needs 1 to 999 places, not {value}.</source>
        <translation>岗位需要 1 到 999 人，不能是 {value}。</translation>
    </message>
    <message>
        <source>That grid is not in this community.</source>
        <translation>该网格不属于这个社区。</translation>
    </message>
    <message>
        <source>{name} is no longer an active member.</source>
        <translation>{name} 已不是在册党员。</translation>
    </message>
    <message>
        <source>The post {title} is closed.</source>
        <translation>岗位“{title}”已关闭。</translation>
    </message>
    <message>
        <source>{name} has already claimed {title}.</source>
        <translation>{name} 已经认领了“{title}”。</translation>
    </message>
    <message>
        <source>The post {title} is full: all {places} places are claimed.</source>
        <translation>岗位“{title}”已满：{places} 个名额都已被认领。</translation>
    </message>
    <message>
        <source>That member has not claimed this post.</source>
        <translation>该党员没有认领这个岗位。</translation>
    </message>
    <message>
        <source>Unknown claim {value}.</source>
        <translation>未知的认领方 {value}。</translation>
    </message>
    <message>
        <source>This need is already closed.</source>
        <translation>这项需求已经关闭。</translation>
    </message>
    <message>
        <source>This resource is no longer offered.</source>
        <translation>这项资源已不再提供。</translation>
    </message>
    <message>
        <source>Progress is 0 to 100, not {value}.</source>
        <translation>进度应为 0 到 100，不能是 {value}。</translation>
    </message>
    <message>
        <source>Unknown service kind {value}.</source>
        <translation>未知的服务类型 {value}。</translation>
    </message>
    <message>
        <source>Points are between 0 and 1000.</source>
        <translation>积分应在 0 到 1000 之间。</translation>
    </message>
    <message>
        <source>{value} is not a number of hours.</source>
        <translation>{value} 不是小时数。</translation>
    </message>
    <message>
        <source>Hours of one service are 0 to 24, not {value}.</source>
        <translation>一次服务的时长为 0 到 24 小时，不能是 {value}。</translation>
    </message>
    <message>
        <source>A service cannot be in the future ({value}).</source>
        <translation>服务日期不能是将来（{value}）。</translation>
    </message>
    <message>
        <source>No such request.</source>
        <translation>没有这条诉求。</translation>
    </message>
    <message>
        <source>No such visit.</source>
        <translation>没有这次走访。</translation>
    </message>
    <message>
        <source>{value} is not a quarter; write it like 2026Q4.</source>
        <translation>{value} 不是季度；请写成 2026Q4 这样。</translation>
    </message>
    <message>
        <source>Rank by grid or by unit.</source>
        <translation>请按网格或按单位排名。</translation>
    </message>
    <message>
        <source>Unknown level {value}.</source>
        <translation>未知的层级 {value}。</translation>
    </message>
    <message>
        <source>A time limit is 1 to 2160 hours, not {value}.</source>
        <translation>时限应为 1 到 2160 小时，不能是 {value}。</translation>
    </message>
    <message>
        <source>The time to answer cannot be longer than the time to resolve.</source>
        <translation>报到时限不能长于办结时限。</translation>
    </message>
    <message>
        <source>Escalate a request to one unit or to one department.</source>
        <translation>请把诉求交给一个单位或一个部门。</translation>
    </message>
    <message>
        <source>Request {number} is not open; only open requests are escalated.</source>
        <translation>诉求 {number} 已办结或撤回；只有未办结的诉求才能吹哨。</translation>
    </message>
    <message>
        <source>Request {number} is already escalated; it rises by itself when overdue.</source>
        <translation>诉求 {number} 已经吹哨；超时会自动升级。</translation>
    </message>
    <message>
        <source>Say what the unit answered.</source>
        <translation>请填写单位的答复。</translation>
    </message>
    <message>
        <source>This escalation was already answered.</source>
        <translation>这次吹哨已经报到答复。</translation>
    </message>
    <message>
        <source>This escalation is closed (resolved, risen a level or withdrawn).</source>
        <translation>这次吹哨已结束（已办结、已升级或已撤回）。</translation>
    </message>
    <message>
        <source>Unknown kind of post {value}.</source>
        <translation>未知的岗位类型 {value}。</translation>
    </message>
    <message>
        <source>A post needs a name.</source>
        <translation>岗位需要填写名称。</translation>
    </message>
    <message>
        <source>This post was closed.</source>
        <translation>这个岗位已撤销。</translation>
    </message>
    <message>
        <source>A shift lasts up to 24 hours.</source>
        <translation>一个班次最长 24 小时。</translation>
    </message>
    <message>
        <source>A shift must end after it starts.</source>
        <translation>班次的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>{name} is already on duty at {post} from {start}.</source>
        <translation>{name} 从 {start} 起已在“{post}”值守。</translation>
    </message>
    <message>
        <source>This shift was withdrawn.</source>
        <translation>这个班次已撤回。</translation>
    </message>
    <message>
        <source>This shift has not ended yet.</source>
        <translation>这个班次还没有结束。</translation>
    </message>
    <message>
        <source>Say which .gridboard file to export from.</source>
        <translation>请指定要导出的 .gridboard 文件。</translation>
    </message>
    <message>
        <source>An instruction needs some text.</source>
        <translation>请填写指令内容。</translation>
    </message>
    <message>
        <source>Choose at least one grid, unit or branch.</source>
        <translation>请至少选择一个网格、单位或支部。</translation>
    </message>
    <message>
        <source>Feedback needs some text.</source>
        <translation>请填写反馈内容。</translation>
    </message>
</context>
<context>
    <name>RankingWidget</name>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>This quarter ({quarter})</source>
        <translation>本季度（{quarter}）</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>按单位</translation>
    </message>
</context>
<context>
    <name>Serve</name>
    <message>
        <source>Reporting slip (in-service Party members report to the community)</source>
        <translation>在职党员到社区报到单</translation>
    </message>
    <message>
        <source>Slip no. {slip}</source>
        <translation>报到单编号 {slip}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>报到社区</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Time they can give</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Service posts claimed (at least one)</source>
        <translation>认领服务岗位（至少一个）</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Signature of the member</source>
        <translation>党员签字</translation>
    </message>
    <message>
        <source>Seal of the work unit</source>
        <translation>工作单位（盖章）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Receipt of the community</source>
        <translation>社区回执</translation>
    </message>
    <message>
        <source>Slip no.</source>
        <translation>报到单编号</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>签收日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>{community} has received the report. Services are recorded on the service card and fed back to the work unit every quarter.</source>
        <translation>{community} 已收到报到。服务情况记入服务登记卡，每季度反馈至工作单位。</translation>
    </message>
    <message>
        <source>Seal of the community</source>
        <translation>社区（盖章）</translation>
    </message>
    <message>
        <source>Reporting slip {slip}</source>
        <translation>报到单 {slip}</translation>
    </message>
    <message>
        <source>Posts claimed</source>
        <translation>认领岗位</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报到</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Quarterly service feedback to {unit}</source>
        <translation>{unit} 在职党员服务情况季度反馈表</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Paired community</source>
        <translation>结对社区</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <source>Reported in</source>
        <translation>已报到</translation>
    </message>
    <message>
        <source>For the unit's own appraisal of its members (双积分). Figures from the service cards kept by the community.</source>
        <translation>供单位考核党员时参考（双积分）。数据来自社区保存的服务登记卡。</translation>
    </message>
    <message>
        <source>Quarterly service feedback {quarter}</source>
        <translation>在职党员服务情况季度反馈 {quarter}</translation>
    </message>
    <message>
        <source>No unit has members or services this quarter.</source>
        <translation>本季度没有单位有党员或服务记录。</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Unit or department</source>
        <translation>承办单位/部门</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>吹哨时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>报到时限</translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Escalated requests (community whistles, departments report)</source>
        <translation>社区吹哨、部门报到事项清单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Duty roster — {post}</source>
        <translation>值班表 — {post}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
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
        <source>Kind of member</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>到岗签字</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交班签字</translation>
    </message>
    <message>
        <source>No shifts yet</source>
        <translation>尚未排班</translation>
    </message>
    <message>
        <source>Duty rosters</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>No posts or checkpoints yet.</source>
        <translation>尚未设置岗位或卡点。</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>&amp;Escalate to a unit or department…</source>
        <translation>吹哨交单位或部门(&amp;E)…</translation>
    </message>
    <message>
        <source>Escalated requests (street office)</source>
        <translation>吹哨报到事项（街道）</translation>
    </message>
    <message>
        <source>Quarterly feedback sheets…</source>
        <translation>在职党员季度反馈表…</translation>
    </message>
    <message>
        <source>Duty posts and checkpoints</source>
        <translation>岗位与卡点值守</translation>
    </message>
    <message>
        <source>{count} overdue escalations</source>
        <translation>{count} 件吹哨超时</translation>
    </message>
    <message>
        <source>Government office</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Public institution</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>State enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Private enterprise</source>
        <translation>非公企业</translation>
    </message>
    <message>
        <source>Social organisation</source>
        <translation>社会组织</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Policy outreach</source>
        <translation>政策宣传</translation>
    </message>
    <message>
        <source>Environment clean-up</source>
        <translation>环境整治</translation>
    </message>
    <message>
        <source>Safety patrol</source>
        <translation>治安巡逻</translation>
    </message>
    <message>
        <source>Help for the elderly and disabled</source>
        <translation>助老助残</translation>
    </message>
    <message>
        <source>Legal advice</source>
        <translation>法律咨询</translation>
    </message>
    <message>
        <source>Health and medical</source>
        <translation>健康医疗</translation>
    </message>
    <message>
        <source>Culture and sports</source>
        <translation>文化体育</translation>
    </message>
    <message>
        <source>Household visit</source>
        <translation>走访入户</translation>
    </message>
    <message>
        <source>Shift at a post</source>
        <translation>岗位服务</translation>
    </message>
    <message>
        <source>Request handled</source>
        <translation>办理诉求</translation>
    </message>
    <message>
        <source>Project task</source>
        <translation>项目任务</translation>
    </message>
    <message>
        <source>Emergency duty</source>
        <translation>应急值守</translation>
    </message>
    <message>
        <source>Other service</source>
        <translation>其他服务</translation>
    </message>
    <message>
        <source>Community whistle</source>
        <translation>社区吹哨</translation>
    </message>
    <message>
        <source>Street office</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>District department</source>
        <translation>区级部门</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>待报到</translation>
    </message>
    <message>
        <source>Answered, being handled</source>
        <translation>已报到，办理中</translation>
    </message>
    <message>
        <source>Answer overdue</source>
        <translation>报到超时</translation>
    </message>
    <message>
        <source>Resolution overdue</source>
        <translation>办结超时</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Risen a level</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>实施中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Party member vanguard post</source>
        <translation>党员先锋岗</translation>
    </message>
    <message>
        <source>Party member commando squad</source>
        <translation>党员突击队</translation>
    </message>
    <message>
        <source>Party member responsibility zone</source>
        <translation>党员责任区</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>卡点</translation>
    </message>
    <message>
        <source>Community claimed</source>
        <translation>社区认领</translation>
    </message>
    <message>
        <source>Unit claimed</source>
        <translation>单位认领</translation>
    </message>
</context>
<context>
    <name>ServeView</name>
    <message>
        <source>Community:</source>
        <translation>社区：</translation>
    </message>
    <message>
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>新增单位…</translation>
    </message>
    <message>
        <source>Edit unit…</source>
        <translation>编辑单位…</translation>
    </message>
    <message>
        <source>Link members by work unit</source>
        <translation>按工作单位关联党员</translation>
    </message>
    <message>
        <source>Report in…</source>
        <translation>登记报到…</translation>
    </message>
    <message>
        <source>Receive the slip</source>
        <translation>签收报到单</translation>
    </message>
    <message>
        <source>Print slip and receipt…</source>
        <translation>打印报到单和回执…</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Paired community</source>
        <translation>结对社区</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>共建协议期限</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <source>Reported in</source>
        <translation>已报到</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Members of the unit:</source>
        <translation>本单位党员：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Not reported yet</source>
        <translation>未报到</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>Slip</source>
        <translation>报到单</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>岗位数</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Units and reporting in</source>
        <translation>单位与报到</translation>
    </message>
    <message>
        <source>Publish a post…</source>
        <translation>发布岗位…</translation>
    </message>
    <message>
        <source>Claim for a member…</source>
        <translation>为党员认领…</translation>
    </message>
    <message>
        <source>Close the post</source>
        <translation>关闭岗位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>Open places</source>
        <translation>剩余名额</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>认领人</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Service posts</source>
        <translation>服务岗位</translation>
    </message>
    <message>
        <source>New need…</source>
        <translation>新增需求…</translation>
    </message>
    <message>
        <source>New resource…</source>
        <translation>新增资源…</translation>
    </message>
    <message>
        <source>Match need and resource…</source>
        <translation>需求与资源对接…</translation>
    </message>
    <message>
        <source>Progress…</source>
        <translation>更新进度…</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目数</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Projects (a need met by a resource):</source>
        <translation>项目（资源对接需求）：</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Needs, resources, projects</source>
        <translation>需求、资源、项目</translation>
    </message>
    <message>
        <source>Record a service…</source>
        <translation>登记服务…</translation>
    </message>
    <message>
        <source>Point rules…</source>
        <translation>积分规则…</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Print feedback sheets…</source>
        <translation>打印季度反馈表…</translation>
    </message>
    <message>
        <source>Service cards to Excel…</source>
        <translation>服务登记卡导出 Excel…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Services and points</source>
        <translation>服务与积分</translation>
    </message>
    <message>
        <source>Points ranking</source>
        <translation>积分排行</translation>
    </message>
    <message>
        <source>Escalate a request…</source>
        <translation>吹哨交办…</translation>
    </message>
    <message>
        <source>Unit reports and answers…</source>
        <translation>单位报到答复…</translation>
    </message>
    <message>
        <source>Resolved…</source>
        <translation>已办结…</translation>
    </message>
    <message>
        <source>Open the request</source>
        <translation>打开诉求</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看超时</translation>
    </message>
    <message>
        <source>Print the list…</source>
        <translation>打印清单…</translation>
    </message>
    <message>
        <source>To Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Unit or department</source>
        <translation>承办单位/部门</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>吹哨时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>报到时限</translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>吹哨报到</translation>
    </message>
    <message>
        <source>New post or checkpoint…</source>
        <translation>新增岗位或卡点…</translation>
    </message>
    <message>
        <source>Schedule a shift…</source>
        <translation>排班…</translation>
    </message>
    <message>
        <source>Print duty roster…</source>
        <translation>打印值班表…</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>On duty now</source>
        <translation>正在值守</translation>
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
        <source>Kind of member</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Duty posts and checkpoints</source>
        <translation>岗位与卡点值守</translation>
    </message>
    <message>
        <source>Issue an instruction…</source>
        <translation>下发指令…</translation>
    </message>
    <message>
        <source>Mark as received</source>
        <translation>标记已收到</translation>
    </message>
    <message>
        <source>Record feedback…</source>
        <translation>登记反馈…</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令内容</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>下发对象数</translation>
    </message>
    <message>
        <source>Feedback by</source>
        <translation>反馈时限</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>下发对象</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈内容</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>平时信息直达</translation>
    </message>
    <message>
        <source>{units} units · {reported} slips</source>
        <translation>{units} 个单位 · {reported} 份报到单</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未报到</translation>
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
        <source>{count} reported members hold no post yet</source>
        <translation>{count} 名已报到党员尚未认领岗位</translation>
    </message>
    <message>
        <source>Every reported member holds a post</source>
        <translation>已报到党员都已认领岗位</translation>
    </message>
    <message>
        <source>Open: community {c} · street {s} · district {d}   Overdue: {o}</source>
        <translation>未办结：社区 {c} · 街道 {s} · 区级 {d}   超时：{o}</translation>
    </message>
    <message>
        <source>On duty now: {count}</source>
        <translation>正在值守：{count} 人</translation>
    </message>
    <message>
        <source>{count} answers overdue</source>
        <translation>{count} 条反馈超时</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Link members to their units</source>
        <translation>按工作单位关联党员</translation>
    </message>
    <message>
        <source>Receive a report</source>
        <translation>签收报到单</translation>
    </message>
    <message>
        <source>Close a post</source>
        <translation>关闭岗位</translation>
    </message>
    <message>
        <source>Escalate overdue requests</source>
        <translation>逐级上报超时诉求</translation>
    </message>
    <message>
        <source>Acknowledge an instruction</source>
        <translation>签收指令</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>双报到</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Contract terms</source>
        <translation>共建内容</translation>
    </message>
    <message>
        <source>Contract from (YYYY-MM-DD)</source>
        <translation>协议开始（年-月-日）</translation>
    </message>
    <message>
        <source>Contract until (YYYY-MM-DD)</source>
        <translation>协议结束（年-月-日）</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <source>{count} members linked to their units</source>
        <translation>{count} 名党员已关联到所在单位</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>报到社区</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（年-月-日）</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Time they can give</source>
        <translation>可服务时间</translation>
    </message>
    <message>
        <source>Report in</source>
        <translation>登记报到</translation>
    </message>
    <message>
        <source>Reporting slip</source>
        <translation>报到单</translation>
    </message>
    <message>
        <source>Choose a member who has reported in.</source>
        <translation>请选择一名已报到的党员。</translation>
    </message>
    <message>
        <source>reporting slip.pdf</source>
        <translation>报到单.pdf</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Save as Excel</source>
        <translation>保存为 Excel</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>What it involves</source>
        <translation>岗位内容</translation>
    </message>
    <message>
        <source>Publish a post</source>
        <translation>发布岗位</translation>
    </message>
    <message>
        <source>Claim a post</source>
        <translation>认领岗位</translation>
    </message>
    <message>
        <source>Choose a post first.</source>
        <translation>请先选择一个岗位。</translation>
    </message>
    <message>
        <source>Claim {post}</source>
        <translation>认领“{post}”</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细说明</translation>
    </message>
    <message>
        <source>New need</source>
        <translation>新增需求</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>新增资源</translation>
    </message>
    <message>
        <source>Match need and resource</source>
        <translation>需求与资源对接</translation>
    </message>
    <message>
        <source>Choose a need first.</source>
        <translation>请先选择一项需求。</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>认领方</translation>
    </message>
    <message>
        <source>Progress (%)</source>
        <translation>进度（%）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record a service</source>
        <translation>登记服务</translation>
    </message>
    <message>
        <source>{service}: points each</source>
        <translation>{service}：每次积分</translation>
    </message>
    <message>
        <source>{service}: points per hour</source>
        <translation>{service}：每小时积分</translation>
    </message>
    <message>
        <source>Point rules</source>
        <translation>积分规则</translation>
    </message>
    <message>
        <source>feedback sheets {quarter}.pdf</source>
        <translation>季度反馈表 {quarter}.pdf</translation>
    </message>
    <message>
        <source>service cards {quarter}.xlsx</source>
        <translation>服务登记卡 {quarter}.xlsx</translation>
    </message>
    <message>
        <source>To a unit</source>
        <translation>交给单位</translation>
    </message>
    <message>
        <source>or to a department</source>
        <translation>或交给部门</translation>
    </message>
    <message>
        <source>Why the community cannot solve it</source>
        <translation>社区无法解决的原因</translation>
    </message>
    <message>
        <source>Escalate a request (community whistle)</source>
        <translation>社区吹哨交办诉求</translation>
    </message>
    <message>
        <source>The unit reports and answers</source>
        <translation>单位报到答复</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>escalated requests.pdf</source>
        <translation>吹哨报到事项.pdf</translation>
    </message>
    <message>
        <source>escalated requests.xlsx</source>
        <translation>吹哨报到事项.xlsx</translation>
    </message>
    <message>
        <source>(whole community)</source>
        <translation>（全社区）</translation>
    </message>
    <message>
        <source>New post or checkpoint</source>
        <translation>新增岗位或卡点</translation>
    </message>
    <message>
        <source>Schedule a shift</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Choose a post or checkpoint first.</source>
        <translation>请先选择一个岗位或卡点。</translation>
    </message>
    <message>
        <source>From (YYYY-MM-DD HH:MM)</source>
        <translation>开始时间（年-月-日 时:分）</translation>
    </message>
    <message>
        <source>duty roster.pdf</source>
        <translation>值班表.pdf</translation>
    </message>
    <message>
        <source>To grids</source>
        <translation>下发网格</translation>
    </message>
    <message>
        <source>To units</source>
        <translation>下发单位</translation>
    </message>
    <message>
        <source>To Party branches</source>
        <translation>下发党支部</translation>
    </message>
    <message>
        <source>Answer within (hours)</source>
        <translation>反馈时限（小时）</translation>
    </message>
    <message>
        <source>Issue an instruction</source>
        <translation>下发指令</translation>
    </message>
    <message>
        <source>Record feedback</source>
        <translation>登记反馈</translation>
    </message>
    <message>
        <source>Choose who is reporting back first.</source>
        <translation>请先选择反馈的对象。</translation>
    </message>
</context>
</TS>