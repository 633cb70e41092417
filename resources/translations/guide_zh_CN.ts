<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MemberBox</name>
    <message>
        <source>phone …{digits}</source>
        <translation>尾号{digits}</translation>
    </message>
    <message>
        <source>{member} — paired</source>
        <translation>{member} — 结对</translation>
    </message>
    <message>
        <source>Name, pinyin initials or phone's last digits</source>
        <translation>姓名、拼音首字母或手机尾号</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
</context>
</TS>