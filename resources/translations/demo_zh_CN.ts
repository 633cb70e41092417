<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>Making the demo file was cancelled.</source>
        <translation>已取消生成演示文件。</translation>
    </message>
    <message>
        <source>Unknown scale {scale}; choose one of {choices}.</source>
        <translation>未知的规模 {scale}，请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Could not write {path} ({error}).</source>
        <translation>无法写入 {path}（{error}）。</translation>
    </message>
    <message>
        <source>Name the .gridboard file to look at.</source>
        <translation>请指定要查看的 .gridboard 文件。</translation>
    </message>
    <message>
        <source>There is no gridboard file at {path}.</source>
        <translation>{path} 处没有 gridboard 文件。</translation>
    </message>
</context>
</TS>