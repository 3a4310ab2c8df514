(function(){
  function fold(s){return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/đ/g,'d');}
  document.querySelectorAll('input[data-filter]').forEach(function(input){
    var target=document.getElementById(input.getAttribute('data-filter'));if(!target)return;
    input.addEventListener('input',function(){var q=fold(input.value).split(/\s+/).filter(Boolean);
      target.querySelectorAll('[data-text]').forEach(function(el){var t=fold(el.getAttribute('data-text'));
        el.style.display=q.every(function(w){return t.indexOf(w)>=0;})?'':'none';});});
  });
})();
