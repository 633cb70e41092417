<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>“{text}” cannot be taken back: records made since refer to it. Nothing was changed.</source>
        <translation>无法撤销“{text}”：之后新建的记录引用了它。没有做任何更改。</translation>
    </message>
    <message>
        <source>“{text}” cannot be taken back: what it changed was changed again since. Nothing was changed.</source>
        <translation>无法撤销“{text}”：它改过的内容之后又被改动了。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Taking back “{text}”…</source>
        <translation>正在撤销“{text}”…</translation>
    </message>
    <message>
        <source>Doing “{text}” again…</source>
        <translation>正在重做“{text}”…</translation>
    </message>
    <message>
        <source>Undo cancelled: “{text}” was not taken back.</source>
        <translation>已取消撤销：“{text}”没有撤回。</translation>
    </message>
    <message>
        <source>Redo cancelled: “{text}” was not done again.</source>
        <translation>已取消重做：“{text}”没有重做。</translation>
    </message>
</context>
</TS>