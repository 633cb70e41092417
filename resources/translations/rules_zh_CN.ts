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
        <source>A household needs a room number.</source>
        <translation>住户需要门牌号。</translation>
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