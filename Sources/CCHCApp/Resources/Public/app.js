(function(){
  function fold(s){return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/đ/g,'d');}
  document.querySelectorAll('input[data-filter]').forEach(function(input){
    var target=document.getElementById(input.getAttribute('data-filter'));if(!target)return;
    input.addEventListener('input',function(){var q=fold(input.value).split(/\s+/).filter(Boolean);
      target.querySelectorAll('[data-text]').forEach(function(el){var t=fold(el.getAttribute('data-text'));
        el.style.display=q.every(function(w){return t.indexOf(w)>=0;})?'':'none';});});
  });
})();
/* A report form keeps what was typed: a warning before leaving with unsaved changes, and a copy in
   this browser so typing survives an expired session or a closed tab; offered back on the next visit. */
(function(){
  var form=document.querySelector('form.report-form');if(!form||!window.localStorage)return;
  var key='cchc-draft:'+location.pathname,dirty=false,submitting=false;
  function fields(){return Array.prototype.filter.call(form.elements,function(el){
    return el.name&&el.name!=='_csrf'&&el.name!=='revision'&&el.name!=='officeRevision'&&(el.tagName==='TEXTAREA'||el.type==='text'||el.type==='number'||el.tagName==='SELECT');});}
  function snapshot(){var out={};fields().forEach(function(el,i){out[el.name+'#'+i]=el.value;});return out;}
  function same(a,b){var ka=Object.keys(a);return ka.length===Object.keys(b).length&&ka.every(function(k){return a[k]===b[k];});}
  // Just saved (or a step done): the server holds what was typed; the copy in this browser is no longer needed.
  if(/[?&](saved|done|assembled)=/.test(location.search)){localStorage.removeItem(key);}
  var stored=null;try{stored=JSON.parse(localStorage.getItem(key)||'null');}catch(e){stored=null;}
  var now=snapshot();
  if(stored&&stored.values&&!same(stored.values,now)){
    var box=document.createElement('div');box.className='warnings';box.id='draft-restore';
    var when=new Date(stored.at);
    box.innerHTML='<strong>Có nội dung bạn đã nhập nhưng chưa lưu</strong> (lúc '+when.toLocaleTimeString('vi-VN',{timeZone:'Asia/Ho_Chi_Minh'})+' '+when.toLocaleDateString('vi-VN',{timeZone:'Asia/Ho_Chi_Minh'})+'). ';
    var restore=document.createElement('button');restore.type='button';restore.textContent='Khôi phục nội dung đã nhập';
    var drop=document.createElement('button');drop.type='button';drop.className='secondary';drop.textContent='Bỏ qua';
    restore.onclick=function(){fields().forEach(function(el,i){var v=stored.values[el.name+'#'+i];if(v!==undefined)el.value=v;});dirty=true;box.remove();};
    drop.onclick=function(){localStorage.removeItem(key);box.remove();};
    box.appendChild(restore);box.appendChild(document.createTextNode(' '));box.appendChild(drop);
    form.parentNode.insertBefore(box,form);
  } else if(stored){localStorage.removeItem(key);}
  form.addEventListener('input',function(){dirty=true;
    try{localStorage.setItem(key,JSON.stringify({at:Date.now(),values:snapshot()}));}catch(e){}});
  form.addEventListener('submit',function(){submitting=true;
    try{sessionStorage.setItem('cchc-place:'+location.pathname,String(window.scrollY));}catch(e){}});
  // Save keeps the place: back on the same report after saving, at the row where the save was pressed.
  try{var place=sessionStorage.getItem('cchc-place:'+location.pathname);
    if(place!==null&&/[?&]saved=/.test(location.search)&&!location.hash){window.scrollTo(0,parseInt(place,10)||0);}
    sessionStorage.removeItem('cchc-place:'+location.pathname);}catch(e){}
  window.addEventListener('beforeunload',function(e){if(dirty&&!submitting){e.preventDefault();e.returnValue='';}});
})();
/* The menu (one line swiped sideways on a phone) shows its current item; a table names each cell's column (the phone
   shows a statistics row, or a list's row, as a block); a long statistics form gets a section index, beside it on a wide screen. */
(function(){
  var cur=document.querySelector('nav.main a[aria-current]'),nav=cur&&cur.parentNode;
  if(nav&&nav.scrollWidth>nav.clientWidth)nav.scrollLeft+=cur.getBoundingClientRect().left-nav.getBoundingClientRect().left-(nav.clientWidth-cur.offsetWidth)/2;
  var each=function(list,f){Array.prototype.forEach.call(list,f);};
  // A read-only list of four or more columns (and the audit log) is a card a row on a phone (.cards in app.css).
  each(document.querySelectorAll('main table'),function(t){
    var stats=t.classList.contains('stats');
    var heads=Array.prototype.map.call(t.querySelectorAll('thead th'),function(th){return th.textContent.replace(/\s+/g,' ').trim();});
    if(!heads.length)return;
    if(!stats&&!t.matches('.worklist,.timeliness,.sticky-first,.par-results,.plan')&&!t.querySelector('input,select,textarea')&&(heads.length>3||t.classList.contains('audit')))t.classList.add('cards');
    // A code or a rank and the name beside it make the title together.
    var lead=stats||/^(Mã|Hạng|TT|STT)$/.test(heads[0])?2:1;if(lead>1&&!stats)t.setAttribute('data-lead','2');
    // A cell holding a field is named even in the title (an editing table on a phone shows each field under its name).
    each(t.querySelectorAll('tbody tr'),function(tr){each(tr.children,function(c,i){
      if((i>=lead||c.querySelector('input,select,textarea'))&&heads[i]&&!c.hasAttribute('data-label'))c.setAttribute('data-label',heads[i]);});});
  });
  var main=document.querySelector('main'),stats=main&&main.querySelector('table.stats');if(!stats)return;
  var targets=[];
  each(stats.querySelectorAll('tbody tr.group'),function(tr){
    var th=tr.querySelector('th'),name=tr.querySelector('td'),code=th?th.textContent.trim():'';
    if(!code||code.indexOf('.')>=0)return;
    if(!tr.id)tr.id='muc-'+code;
    targets.push([tr,code+'. '+(name?name.textContent.trim():'')]);
  });
  if(targets.length<3)return;
  each(main.querySelectorAll('h2'),function(h,i){
    if(!(stats.compareDocumentPosition(h)&Node.DOCUMENT_POSITION_FOLLOWING))return;
    if(!h.id)h.id='phan-'+i;targets.push([h,h.textContent.trim()]);
  });
  var toc=document.createElement('nav');toc.className='toc';toc.setAttribute('aria-label','Mục lục biểu');
  toc.innerHTML='<strong>Mục lục</strong>';
  var links=targets.map(function(t){var a=document.createElement('a');a.href='#'+t[0].id;a.textContent=t[1];toc.appendChild(a);return a;});
  main.insertBefore(toc,main.firstChild);main.classList.add('has-toc');
  toc.style.gridRow='1 / span '+main.children.length;
  var pending=false;
  function mark(){pending=false;var at=-1;
    targets.forEach(function(t,i){if(t[0].getBoundingClientRect().top<120)at=i;});
    links.forEach(function(a,i){if(i===at)a.setAttribute('aria-current','location');else a.removeAttribute('aria-current');});}
  window.addEventListener('scroll',function(){if(!pending){pending=true;requestAnimationFrame(mark);}},{passive:true});mark();
})();
/* File fields in Vietnamese: the browser's own picker says "Choose File / No file chosen" in its language. The real
   input stays in its form (the form posts as without this script; the input keeps its label, its keyboard focus,
   required, accept and multiple) but is hidden on screen; beside it a button "Chọn tệp…" opens it and a line says what
   was chosen ("bao-cao.xlsx (24 KB)", "3 tệp (1,2 MB)"). A file can also be dropped on it. */
(function(){
  var seq=0;
  function size(n){if(n<1024)return n+' byte';if(n<1048576)return Math.max(1,Math.round(n/1024))+' KB';
    var mb=n/1048576;return (mb<10?mb.toFixed(1):String(Math.round(mb))).replace('.',',')+' MB';}
  function fits(input,file){var accept=(input.getAttribute('accept')||'').split(',').map(function(a){return a.trim().toLowerCase();}).filter(Boolean);
    if(!accept.length)return true;var name=file.name.toLowerCase(),type=(file.type||'').toLowerCase();
    return accept.some(function(a){return a.charAt(0)==='.'?name.slice(-a.length)===a:/\/\*$/.test(a)?type.indexOf(a.slice(0,-1))===0:type===a;});}
  Array.prototype.forEach.call(document.querySelectorAll('input[type=file]'),function(input){
    if(input.closest('.file-picker'))return;
    var box=document.createElement('span');box.className='file-picker';
    var choose=document.createElement('span');choose.className='button secondary file-choose';choose.setAttribute('aria-hidden','true');
    choose.textContent='Chọn tệp…';
    var status=document.createElement('span');status.className='file-name';status.id='tep-chon-'+(++seq);status.setAttribute('aria-live','polite');
    input.parentNode.insertBefore(box,input);box.appendChild(input);box.appendChild(choose);box.appendChild(status);
    input.setAttribute('aria-describedby',((input.getAttribute('aria-describedby')||'')+' '+status.id).trim());
    // Inside its <label> a click on the button opens the picker by itself; elsewhere the click is passed on.
    if(!input.closest('label'))choose.addEventListener('click',function(){input.click();});
    function update(){
      var files=Array.prototype.slice.call(input.files||[]),total=files.reduce(function(t,f){return t+f.size;},0);
      box.classList.remove('invalid');box.classList.toggle('chosen',files.length>0);status.title='';
      if(!files.length){status.textContent='Chưa chọn tệp';}
      else if(files.length===1){status.textContent=files[0].name+' ('+size(total)+')';}
      else{status.textContent=files.length+' tệp ('+size(total)+')';status.title=files.map(function(f){return f.name;}).join('\n');}
      var wrong=files.filter(function(f){return !fits(input,f);});
      if(wrong.length)status.textContent+=' — không đúng loại tệp cần ('+input.getAttribute('accept').split(',').map(function(a){return a.trim();}).join(', ')+')';
      box.classList.toggle('wrong',wrong.length>0);
      input.setCustomValidity(input.required&&!files.length?'Hãy chọn tệp để tải lên.':'');
    }
    input.addEventListener('change',update);
    input.addEventListener('invalid',function(){box.classList.add('invalid');status.textContent='Chưa chọn tệp — hãy bấm “Chọn tệp…” để chọn tệp cần tải lên';});
    if(input.form)input.form.addEventListener('reset',function(){setTimeout(update,0);});
    window.addEventListener('pageshow',update);
    box.addEventListener('dragover',function(e){e.preventDefault();box.classList.add('drop');});
    box.addEventListener('dragleave',function(){box.classList.remove('drop');});
    box.addEventListener('drop',function(e){e.preventDefault();box.classList.remove('drop');
      var dropped=e.dataTransfer&&e.dataTransfer.files;if(!dropped||!dropped.length||(dropped.length>1&&!input.multiple))return;
      try{input.files=dropped;}catch(err){return;}update();input.dispatchEvent(new Event('change',{bubbles:true}));});
    update();
  });
})();
/* Long operations say they are under way: a file being made (a consolidation's .xlsx or .docx can take seconds at a
   province's or the country's scale) and an upload being checked, so nobody clicks twice or leaves thinking it failed. */
(function(){
  function notice(text){
    var box=document.getElementById('busy-notice');
    if(!box){box=document.createElement('p');box.id='busy-notice';box.className='busy';box.setAttribute('role','status');
      document.body.appendChild(box);}
    box.textContent=text;box.hidden=false;
    setTimeout(function(){box.hidden=true;},15000);
  }
  document.addEventListener('click',function(e){
    var a=e.target.closest&&e.target.closest('a[href]');if(!a)return;
    if(/\.(xlsx|docx|csv)(\?|$)/.test(a.getAttribute('href'))||/\/(export|dashboard\.xlsx)/.test(a.getAttribute('href'))){
      notice('Đang tạo tệp… Tệp sẽ tự tải về khi xong (có thể mất vài giây với số liệu cả tỉnh, cả nước).');}
  });
  // A form sent with a file: its own enctype, or a button's formenctype (the PAR self-assessment's "Lưu và tải tệp lên").
  document.addEventListener('submit',function(e){
    var f=e.target,s=e.submitter;
    if((s&&s.hasAttribute('formenctype')?s.formEnctype:f.enctype)!=='multipart/form-data')return;
    var b=s||f.querySelector('button[type=submit],button:not([type])');
    // Disabled once the browser has taken the form's data (the pressed button's formaction and formenctype with it).
    if(b){setTimeout(function(){b.disabled=true;},0);}
    notice('Đang tải lên và kiểm tra tệp… Vui lòng chờ, không tải lại trang.');
  });
  // Back to a page kept by the browser: its buttons work again.
  window.addEventListener('pageshow',function(){Array.prototype.forEach.call(document.querySelectorAll('form[enctype="multipart/form-data"] button,button[formenctype="multipart/form-data"]'),
    function(b){b.disabled=false;});});
})();
/* A file being made says how long it has taken and what has arrived, then that it is done: the export is fetched by the
   page (the session's cookie goes with it), saved under the server's file name, and "Đã tải xong: … (1,2 MB)" stays on
   screen. Without fetch and streams, or with a modifier key (a new tab), the link works as a plain link with the notice. */
(function(){
  if(!window.fetch||!window.URL||!URL.createObjectURL||!window.Blob)return;
  function isExport(h){return /\.(xlsx|docx|csv)(\?|$)/.test(h)||/\/(export|dashboard\.xlsx)/.test(h);}
  function size(n){return n<1024?n+' byte':n<1048576?Math.round(n/1024)+' KB':(n/1048576).toFixed(1).replace('.',',')+' MB';}
  function box(){var b=document.getElementById('busy-notice');
    if(!b){b=document.createElement('p');b.id='busy-notice';b.className='busy';b.setAttribute('role','status');document.body.appendChild(b);}
    b.hidden=false;return b;}
  function fileName(res,href){
    var d=res.headers.get('Content-Disposition')||'',m=/filename\*=UTF-8''([^;]+)/i.exec(d)||/filename="?([^";]+)"?/i.exec(d);
    if(m){try{return decodeURIComponent(m[1]);}catch(e){return m[1];}}
    return decodeURIComponent(href.split('?')[0].split('/').pop()||'tep');}
  document.addEventListener('click',function(e){
    var a=e.target.closest&&e.target.closest('a[href]');if(!a||e.defaultPrevented)return;
    var href=a.getAttribute('href');if(!isExport(href)||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey||e.button!==0)return;
    e.preventDefault();e.stopImmediatePropagation();
    var b=box(),start=Date.now(),got=0;b.classList.remove('done');
    function tick(){var s=Math.round((Date.now()-start)/1000);
      b.textContent='Đang tạo tệp… '+s+' giây'+(got?', đã nhận '+size(got):'')+'. Tệp sẽ tự tải về khi xong (có thể mất vài giây với số liệu cả tỉnh, cả nước).';}
    tick();var timer=setInterval(tick,1000);
    fetch(href,{credentials:'same-origin'}).then(function(res){
      // The server's own page says what went wrong (no access, nothing to export): open it as the link would.
      if(!res.ok||!/attachment/i.test(res.headers.get('Content-Disposition')||'')){clearInterval(timer);b.hidden=true;location.href=href;return;}
      var name=fileName(res,href),type=res.headers.get('Content-Type')||'application/octet-stream';
      var body=res.body&&res.body.getReader?res.body.getReader():null,chunks=[];
      function pump(){return body.read().then(function(r){if(r.done)return new Blob(chunks,{type:type});
        chunks.push(r.value);got+=r.value.length;return pump();});}
      return (body?pump():res.blob()).then(function(blob){
        clearInterval(timer);
        var url=URL.createObjectURL(blob),link=document.createElement('a');link.href=url;link.download=name;
        document.body.appendChild(link);link.click();link.remove();setTimeout(function(){URL.revokeObjectURL(url);},60000);
        b.textContent='Đã tải xong: '+name+' ('+size(blob.size)+').';b.classList.add('done');
        setTimeout(function(){if(b.classList.contains('done')){b.hidden=true;b.classList.remove('done');}},12000);
      });
    }).catch(function(){clearInterval(timer);b.hidden=true;location.href=href;});
  },true);
})();
