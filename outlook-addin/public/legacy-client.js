/*
 * Runs only in browsers without ES modules: the Internet Explorer web view of old Outlook
 * builds. Says plainly that the pane cannot run there and whom to ask. Text only.
 */
(function () {
  var root = document.getElementById('kokoroe-pane');
  if (!root) return;
  while (root.firstChild) root.removeChild(root.firstChild);
  var p = document.createElement('p');
  p.className = 'error';
  p.appendChild(document.createTextNode('この Outlook は古いため、心得メールガードを表示できません。Office の更新について管理者に相談してください。'));
  root.appendChild(p);
  var en = document.createElement('p');
  en.appendChild(document.createTextNode('This Outlook is too old to show Kokoroe Mail Guard. Ask IT about updating Office.'));
  root.appendChild(en);
})();
