"""The HTML report's stylesheet (screen at 1366 px and A4 print) and script (filters, sorting,
detail panel, copying digests). Inline in every page: the report makes no network request."""

from __future__ import annotations

CSS = """
:root{--fg:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--soft:#f3f2f1;--focus:#ffdd00}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;
 color:var(--fg)}
main{padding:1rem 1.5rem 3rem;max-width:1800px}
h1{font-size:1.5rem;margin:.2rem 0 .4rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem}
h3{font-size:1.05rem;margin:.8rem 0 .3rem}
.meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;z-index:10}
button{font:inherit}
:focus-visible{outline:3px solid var(--focus);outline-offset:1px;box-shadow:0 0 0 5px #0b0c0c}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-left:6px solid #1d70b8;padding:.6rem .8rem;
 background:#fff}
.card h3{margin:0 0 .2rem;font-size:1rem}
.card .big{font-size:1.8rem;font-weight:700;line-height:1.1}
.card .sub{color:var(--muted);font-size:.85rem}
.chips{display:flex;flex-wrap:wrap;gap:.25rem;margin-top:.4rem}
.chip{font-size:.8rem;padding:0 .4rem;border-radius:3px;color:#fff;white-space:nowrap}
.status{font-weight:600;padding:0 .4rem;border-radius:3px;color:#fff;white-space:nowrap;
 display:inline-block}
.s-pass{background:#00703c}.s-fail{background:#d4351c}.s-gap{background:#b35200}
.s-not_applicable{background:#6f777b}.s-waived{background:#1d70b8}.s-error{background:#6b2c91}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left;
 overflow-wrap:break-word;word-break:normal;hyphens:manual}
thead th{background:var(--soft);position:sticky;top:0;z-index:1}
th button.sort{all:unset;cursor:pointer;display:block;font-weight:700}
th button.sort:focus-visible{outline:3px solid var(--focus)}
th[aria-sort=ascending] button.sort::after{content:" \\25B2"}
th[aria-sort=descending] button.sort::after{content:" \\25BC"}
td.id,td.nowrap{white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}
#matrix{table-layout:fixed}
#matrix col.c-id{width:8.5rem}#matrix col.c-title{width:auto}#matrix col.c-fw{width:4.5rem}
#matrix col.c-area{width:8rem}#matrix col.c-sev{width:5rem}#matrix col.c-status{width:9rem}
#matrix col.c-owner{width:9rem}#matrix col.c-evidence{width:14rem}#matrix col.c-due{width:6.5rem}
#matrix .status{white-space:normal}
button.open{all:unset;cursor:pointer;color:#1d70b8;text-decoration:underline;font-weight:600}
button.link{all:unset;cursor:pointer;color:#1d70b8;text-decoration:underline}
button.digest{font:12px/1.3 ui-monospace,Consolas,monospace;border:1px solid var(--line);
 background:var(--soft);padding:0 .25rem;border-radius:3px;cursor:copy;color:inherit}
button.digest.copied::after{content:" copied"}
code,.mono{font-family:ui-monospace,Consolas,monospace;font-size:.85em}
code.full{overflow-wrap:anywhere}
.evidence-item{display:block;margin-bottom:.15rem}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:end;margin:.4rem 0;
 padding:.5rem;background:var(--soft);border:1px solid var(--line)}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters input,.filters select{font:inherit;padding:.15rem .3rem;min-width:9rem}
.count{font-size:.9rem;color:var(--muted)}
.heat td.cell{text-align:center;font-variant-numeric:tabular-nums;min-width:3.5rem}
.heat th.fw{background:#e8f1f8}
.details{position:fixed;top:0;right:0;bottom:0;width:min(48rem,55vw);overflow:auto;background:#fff;
 border-left:3px solid #0b0c0c;box-shadow:-4px 0 12px rgba(0,0,0,.2);padding:1rem 1.2rem;z-index:5}
.details[hidden],.detail[hidden]{display:none}
.detail h2{margin-top:0}
.detail dl{display:grid;grid-template-columns:11rem 1fr;gap:.25rem .8rem;margin:.4rem 0}
.detail dt{font-weight:600;color:var(--muted)}.detail dd{margin:0;overflow-wrap:anywhere}
.detail ul{margin:.2rem 0;padding-left:1.2rem}
.close{float:right;border:1px solid var(--line);background:var(--soft);padding:.2rem .6rem;
 cursor:pointer}
.trend svg{max-width:100%;height:auto;border:1px solid var(--line);background:#fff}
.legend{display:flex;flex-wrap:wrap;gap:.8rem;font-size:.85rem;margin:.3rem 0}
.legend i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-2px}
.notice{border-left:5px solid #b35200;padding:.2rem .6rem;background:#fff7ef}
@page{size:A4 landscape;margin:10mm}
@media print{
 body{font-size:8pt}main{padding:0;max-width:none}
 .filters,.skip,.close,.no-print,th button.sort::after{display:none !important}
 thead th{position:static}thead{display:table-header-group}
 tr,.card,.detail{break-inside:avoid}
 th,td{padding:1px 3px}
 .status,.chip{color:#000 !important;background:none !important;border:1px solid #000}
 button.digest,button.open,button.link{all:unset}
 #matrix{table-layout:auto}
 tr[hidden]{display:none}
 .details{position:static;width:auto;box-shadow:none;border:0;padding:0;overflow:visible}
 .details[hidden]{display:block}
 .detail,.detail[hidden]{display:block;border-top:1px solid #000;padding-top:2mm;margin-top:2mm}
 .detail.filtered-out{display:none}
 .detail dl{grid-template-columns:32mm 1fr}
 .cards{grid-template-columns:repeat(4,1fr)}
}
"""

SCRIPT = """
(function(){
 'use strict';
 var matrix=document.getElementById('matrix');
 function each(list,fn){Array.prototype.forEach.call(list,fn);}
 function key(cell){return cell.getAttribute('data-sort')||cell.textContent.trim();}
 each(document.querySelectorAll('table.sortable'),function(table){
  each(table.tHead.rows[0].cells,function(th,index){
   var button=th.querySelector('button.sort');
   if(!button){return;}
   button.addEventListener('click',function(){
    var asc=th.getAttribute('aria-sort')!=='ascending';
    each(table.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',asc?'ascending':'descending');
    var body=table.tBodies[0];
    var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){
     var r=key(a.cells[index]).localeCompare(key(b.cells[index]),undefined,{numeric:true});
     return asc?r:-r;});
    rows.forEach(function(r){body.appendChild(r);});
   });
  });
 });
 var filters=document.getElementById('filters');
 if(filters&&matrix){
  var fields=filters.querySelectorAll('[data-filter]');
  var count=document.getElementById('shown');
  var apply=function(){
   var want={},shown=0;
   each(fields,function(f){want[f.getAttribute('data-filter')]=f.value.toLowerCase();});
   each(matrix.tBodies[0].rows,function(row){
    var ok=true;
    Object.keys(want).forEach(function(name){
     var value=want[name];
     if(!value){return;}
     if(name==='text'){ok=ok&&row.getAttribute('data-text').indexOf(value)>=0;}
     else if(name==='owner'){
      ok=ok&&(row.getAttribute('data-owner')||'').split('|').indexOf(value)>=0;}
     else{ok=ok&&row.getAttribute('data-'+name)===value;}
    });
    row.hidden=!ok;
    var detail=document.getElementById(row.getAttribute('data-detail'));
    if(detail){detail.classList.toggle('filtered-out',!ok);}
    if(ok){shown+=1;}
   });
   count.textContent=shown+' of '+matrix.tBodies[0].rows.length+' controls shown';
  };
  each(fields,function(f){f.addEventListener('input',apply);f.addEventListener('change',apply);});
  apply();
 }
 var panel=document.getElementById('details');
 var opener=null;
 function close(){
  if(!panel||panel.hidden){return;}
  each(panel.querySelectorAll('.detail'),function(d){d.hidden=true;});
  panel.hidden=true;
  each(document.querySelectorAll('button.open[aria-expanded=true]'),function(b){b.setAttribute('aria-expanded','false');});
  if(opener){opener.focus();opener=null;}
 }
 function open(id,from){
  var detail=document.getElementById('d-'+id);
  if(!detail||!panel){return;}
  each(panel.querySelectorAll('.detail'),function(d){d.hidden=d!==detail;});
  panel.hidden=false;
  if(!panel.contains(from)){opener=from;}
  each(document.querySelectorAll('button.open'),function(b){
   b.setAttribute('aria-expanded',b.getAttribute('data-open')===id?'true':'false');});
  var heading=detail.querySelector('h2');
  heading.focus();
 }
 document.addEventListener('click',function(event){
  var target=event.target.closest('button');
  if(!target){return;}
  if(target.hasAttribute('data-open')){open(target.getAttribute('data-open'),target);}
  else if(target.classList.contains('close')){close();}
  else if(target.classList.contains('digest')){
   var full=target.getAttribute('data-full');
   var done=function(){target.classList.add('copied');
    setTimeout(function(){target.classList.remove('copied');},1500);};
   if(navigator.clipboard&&window.isSecureContext){
    navigator.clipboard.writeText(full).then(done,function(){});
   }else{
    var area=document.createElement('textarea');
    area.value=full;document.body.appendChild(area);area.select();
    try{if(document.execCommand('copy')){done();}}catch(e){}
    document.body.removeChild(area);target.focus();
   }
  }
 });
 document.addEventListener('keydown',function(event){if(event.key==='Escape'){close();}});
})();
"""
