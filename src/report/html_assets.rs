//! The inline style sheet and script of the HTML reports. Both are
//! constants: no data from a story ever goes into them (the script reads
//! the page's `data-ks` attributes), and the pages load nothing else.

/// A Content-Security-Policy that forbids every fetch: the pages are
/// self-contained, and this keeps them so even if a link slipped in.
pub(super) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

pub(super) const CSS: &str = r#"
:root { --crit: #c62828; --crit-bg: #ffcdd2; --major: #e65100; --major-bg: #ffe0b2;
  --minor: #8d6e00; --minor-bg: #fff59d; --info: #1565c0; --info-bg: #e3f2fd;
  --line: #d8d8d8; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 110rem; padding: 1rem 1.5rem 3rem;
  font: 15px/1.5 system-ui, "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; }
a { color: #0b57d0; }
h1 { font-size: 1.5rem; margin: .3rem 0; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.nav { margin: 0; font-size: .9rem; }
.meta, .legend { color: var(--muted); margin: .2rem 0; font-size: .9rem; }
.badge { display: inline-block; padding: 0 .45em; border-radius: .6em; font-size: .8rem;
  font-weight: 600; line-height: 1.5; white-space: nowrap; border: 1px solid transparent; }
.badge.sev-critical { background: var(--crit); color: #fff; }
.badge.sev-major { background: var(--major); color: #fff; }
.badge.sev-minor { background: var(--minor-bg); color: #4a3b00; border-color: #d4c000; }
.badge.sev-info { background: var(--info-bg); color: var(--info); border-color: #90caf9; }
.badge.none { background: #eee; color: var(--muted); }
mark { color: inherit; padding: 0 .1em; border-radius: .2em; }
mark.sev-critical { background: var(--crit-bg); box-shadow: inset 0 -2px var(--crit); }
mark.sev-major { background: var(--major-bg); box-shadow: inset 0 -2px var(--major); }
mark.sev-minor { background: var(--minor-bg); }
mark.sev-info { background: var(--info-bg); }
mark.src { background: transparent; box-shadow: none; outline: 1px dashed #888; }
mark.src.sev-critical { outline-color: var(--crit); }
mark.src.sev-major { outline-color: var(--major); }
mark.kept { background: transparent; }
mark.kept.sev-minor { box-shadow: inset 0 -2px #d4c000; }
mark.kept.sev-info { box-shadow: inset 0 -2px #90caf9; }
mark { -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.k-addition { text-decoration: underline 2px #2e7d32; text-underline-offset: 3px; }
mark.k-omission { text-decoration: line-through rgba(0, 0, 0, .45); }
mark.off { background: transparent; box-shadow: none; outline: none; text-decoration: none; }
.notes ul, .flags ul { list-style: none; margin: 0; padding: 0; }
.notes li { margin: .2rem 0; }
.cols, .row > .grid { display: grid; grid-template-columns: repeat(var(--n), minmax(0, 1fr)) minmax(15rem, 1.1fr);
  gap: 0 1.2rem; }
.cols { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #333; padding: .3rem 0 .2rem 2.6rem;
  border-left: 4px solid transparent;
  font-weight: 600; z-index: 1; }
.cols .role { font-weight: 400; color: var(--muted); }
.row { border-bottom: 1px solid var(--line); }
.row > summary { cursor: pointer; color: var(--muted); font-size: .8rem; padding: .15rem 0; list-style-position: inside;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.row > summary .rn { display: inline-block; min-width: 1.8rem; color: #333; font-weight: 600; }
.row[open] > summary .peek { display: none; }
.row > .grid { padding: 0 0 .6rem 2.6rem; }
.row.worst-critical { border-left: 4px solid var(--crit); }
.row.worst-major { border-left: 4px solid var(--major); }
.row.worst-minor { border-left: 4px solid #d4c000; }
.row.worst-info, .row.faithful { border-left: 4px solid transparent; }
.row.hide { display: none; }
.cell { overflow-wrap: anywhere; }
.cell .gap { color: #aaa; }
.cell .lang { display: none; }
.flags li { margin: 0 0 .45rem; padding: .2rem .45rem; border-left: 3px solid var(--line); background: #fafafa;
  font-size: .9rem; }
.flags li.sev-critical { border-left-color: var(--crit); }
.flags li.sev-major { border-left-color: var(--major); }
.flags li.sev-minor { border-left-color: #d4c000; }
.flags li.sev-info { border-left-color: #90caf9; }
.flags li.off, .notes li.off { display: none; }
.flags li:target { outline: 2px solid #0b57d0; }
.flags .kind { font-weight: 600; }
.flags .step, .flags .id { color: var(--muted); font-size: .8rem; }
.flags .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.flags .msg { display: block; }
#filters { margin: .6rem 0; padding: .4rem .6rem; background: #f4f4f4; border-radius: .3rem; font-size: .85rem; }
#filters fieldset { display: inline; border: 0; margin: 0 1rem 0 0; padding: 0; }
#filters legend { display: inline; font-weight: 600; margin-right: .3rem; float: left; }
#filters label { margin-right: .6rem; white-space: nowrap; }
table.stories { border-collapse: collapse; width: 100%; margin-top: .8rem; }
table.stories th, table.stories td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
table.stories td.n, table.stories th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.stories td.zero { color: #bbb; }
table.stories .title { color: var(--muted); font-size: .85rem; }
@media (max-width: 60rem) {
  .cols { display: none; }
  .row > .grid { grid-template-columns: 1fr; padding-left: .5rem; }
  .cell .lang { display: inline; font-weight: 600; margin-right: .4rem; color: var(--muted); }
}
#review { margin: .6rem 0; padding: .4rem .6rem; background: #eef4ff; border-radius: .3rem; font-size: .85rem; }
.rv { display: block; margin-top: .2rem; font-size: .8rem; }
.rv button { font-size: .8rem; }
.rv button[aria-pressed="true"] { font-weight: 700; outline: 2px solid #0b57d0; }
.rv input { font-size: .8rem; width: 60%; }
.flags li.rv-not_a_change { opacity: .55; }
.flags li.rv-not_a_change .msg { text-decoration: line-through; }
.flags li.rv-real, .flags li.checked-real { border-left-color: #2e7d32; }
.review-mark { color: #2e7d32; font-weight: 600; font-size: .8rem; }
.lex { font-size: .8rem; color: var(--muted); }
.lex code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: #1a1a1a; }
@media print { .row > summary .peek { display: none; } #filters, #review, .rv { display: none; } }
"#;

/// Filters by kind and severity, and the review; the page works without it.
pub(super) const JS: &str = r#"
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  function apply() {
    var on = {};
    form.querySelectorAll('input[data-f]').forEach(function (i) {
      on[i.getAttribute('data-f') + ':' + i.value] = i.checked;
    });
    var only = form.querySelector('#only-flagged').checked;
    document.querySelectorAll('[data-ks]').forEach(function (el) {
      var shown = el.getAttribute('data-ks').split(' ').some(function (p) {
        var ks = p.split(':');
        return on['k:' + ks[0]] !== false && on['s:' + ks[1]] !== false;
      });
      el.classList.toggle('off', !shown);
    });
    document.querySelectorAll('details.row').forEach(function (row) {
      var any = row.querySelector('.flags li:not(.off)') !== null;
      row.classList.toggle('hide', only && !any);
    });
  }
  form.addEventListener('change', apply);
  form.querySelectorAll('button[data-open]').forEach(function (b) {
    b.addEventListener('click', function () {
      var open = b.getAttribute('data-open') === '1';
      document.querySelectorAll('details.row').forEach(function (row) { row.open = open; });
    });
  });
  apply();
})();
(function () {
  var bar = document.getElementById('review');
  if (!bar) return;
  var PREFIX = 'parallax-review:';
  var store = null;
  try { store = window.localStorage; store.getItem(PREFIX); } catch (e) { store = null; }
  if (!store) return;
  bar.hidden = false;
  function get(id) {
    try { return JSON.parse(store.getItem(PREFIX + id)); } catch (e) { return null; }
  }
  function put(id, v) {
    if (v) store.setItem(PREFIX + id, JSON.stringify(v)); else store.removeItem(PREFIX + id);
  }
  function all() {
    var out = [];
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i);
      if (k && k.indexOf(PREFIX) === 0) {
        var v = get(k.slice(PREFIX.length));
        if (v && v.d) { v.id = k.slice(PREFIX.length); out.push(v); }
      }
    }
    out.sort(function (a, b) { return (a.story + ' ' + a.id) < (b.story + ' ' + b.id) ? -1 : 1; });
    return out;
  }
  function count() {
    var n = all().length;
    bar.querySelector('.rv-count').textContent = n === 1 ? '1 flag reviewed' : n + ' flags reviewed';
  }
  function show(li) {
    var v = get(li.getAttribute('data-flag'));
    var d = v ? v.d : '';
    li.classList.toggle('rv-real', d === 'real');
    li.classList.toggle('rv-not_a_change', d === 'not_a_change');
    li.querySelectorAll('.rv button[data-d]').forEach(function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-d') === d ? 'true' : 'false');
    });
    var note = li.querySelector('.rv input');
    if (note && document.activeElement !== note) note.value = v && v.note ? v.note : '';
  }
  function record(li, d, note) {
    return { d: d, note: note || '', story: li.getAttribute('data-story'),
      row: li.getAttribute('data-row'), kind: li.getAttribute('data-kind'),
      sev: li.getAttribute('data-sev'), lex: li.getAttribute('data-lex') || '' };
  }
  document.querySelectorAll('li.flag[data-flag]').forEach(function (li) {
    var box = document.createElement('span');
    box.className = 'rv';
    [['real', 'checked: real'], ['not_a_change', 'checked: not a change']].forEach(function (p) {
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('data-d', p[0]);
      b.textContent = p[1];
      b.addEventListener('click', function () {
        var id = li.getAttribute('data-flag');
        var v = get(id);
        var note = li.querySelector('.rv input').value;
        put(id, v && v.d === p[0] ? null : record(li, p[0], note));
        show(li); count();
      });
      box.appendChild(b);
      box.appendChild(document.createTextNode(' '));
    });
    var note = document.createElement('input');
    note.type = 'text';
    note.placeholder = 'note (optional)';
    note.addEventListener('change', function () {
      var id = li.getAttribute('data-flag');
      var v = get(id);
      if (v) { v.note = note.value; put(id, v); }
    });
    box.appendChild(note);
    li.appendChild(box);
    show(li);
  });
  function cell(s) {
    s = String(s == null ? '' : s);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(rows) {
    return '\ufeff' + rows.map(function (r) { return r.map(cell).join(','); }).join('\r\n') + '\r\n';
  }
  function save(name, text, type) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  bar.querySelector('#export-ignore').addEventListener('click', function () {
    var rows = [['flag_id', 'story', 'row', 'kind', 'note']];
    all().filter(function (v) { return v.d === 'not_a_change'; }).forEach(function (v) {
      rows.push([v.id, v.story, v.row, v.kind, v.note]);
    });
    save('ignore.csv', csv(rows), 'text/csv');
  });
  bar.querySelector('#export-review').addEventListener('click', function () {
    var rows = [['story', 'flag_id', 'row', 'kind', 'severity', 'decision', 'note']];
    all().forEach(function (v) { rows.push([v.story, v.id, v.row, v.kind, v.sev, v.d, v.note]); });
    save('review.csv', csv(rows), 'text/csv');
  });
  bar.querySelector('#export-lexicon').addEventListener('click', function () {
    var lines = ['lang_a\tword_a\tlang_b\tword_b'];
    all().filter(function (v) { return v.d === 'not_a_change' && v.lex; }).forEach(function (v) {
      v.lex.split('\n').forEach(function (l) { if (lines.indexOf(l) < 0) lines.push(l); });
    });
    save('lexicon.tsv', lines.join('\n') + '\n', 'text/tab-separated-values');
  });
  bar.querySelector('#review-clear').addEventListener('click', function () {
    if (!window.confirm('Forget every review decision kept in this browser?')) return;
    all().forEach(function (v) { put(v.id, null); });
    document.querySelectorAll('li.flag[data-flag]').forEach(show);
    count();
  });
  count();
})();
"#;
