// The upload form's drop zone. Without script it is a labelled file input (which takes
// dropped files itself); with this script the whole dashed area takes them, and the
// chosen file names are listed before the user presses Upload.

/** Served as /assets/drop.js, under the pages' `script-src 'self'` policy. */
export const DROP_JS = `'use strict';
for (const zone of document.querySelectorAll('.dropzone')) {
  const input = zone.querySelector('input[type=file]');
  const list = document.createElement('span');
  list.className = 'meta dropped';
  list.setAttribute('aria-live', 'polite');
  zone.append(list);
  const show = () => {
    list.textContent = input.files.length ? 'Chosen: ' + [...input.files].map((f) => f.name).join(', ') : '';
  };
  input.addEventListener('change', show);
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
  });
}
`;
