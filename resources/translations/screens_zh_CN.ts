<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>{path} is damaged ({error}).</source>
        <translation>{path} 已损坏（{error}）。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Drawing the pages…</source>
        <translation>正在绘制页面…</translation>
    </message>
    <message>
        <source>Gathering households…</source>
        <translation>正在汇总住户…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop preparing the printout and close the preview</source>
        <translation>停止准备打印件并关闭预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Laying out the pages… {percent}%</source>
        <translation>正在排版… {percent}%</translation>
    </message>
    <message>
        <source>Drawing page {page} of {pages}…</source>
        <translation>正在绘制第 {page} 页，共 {pages} 页…</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>共 {pages} 页</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
</TS>