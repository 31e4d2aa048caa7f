/** Styles of the preview page: a plain imitation of the Google Sheets window. */
export const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 14px/1.4 "Google Sans", Roboto, Arial, sans-serif; color: #1f1f1f; background: #f9fbfd; overflow: hidden; }
button { font: inherit; }
.titlebar { display: flex; align-items: center; gap: 10px; padding: 8px 16px 4px; }
.logo { width: 28px; height: 38px; background: #0f9d58; border-radius: 3px; position: relative; flex: none; }
.logo div { position: absolute; left: 6px; top: 13px; width: 16px; height: 14px; border: 2px solid #fff; background: linear-gradient(#fff, #fff) center / 2px 100% no-repeat, linear-gradient(#fff, #fff) center / 100% 2px no-repeat; }
.titles { flex: 1; min-width: 0; }
.doc-title { font-size: 18px; line-height: 24px; padding: 0 6px; }
.doc-line { display: flex; align-items: center; gap: 12px; }
.books { display: flex; gap: 4px; }
.books[hidden] { display: none; }
.books button { border: 1px solid #c7c7c7; background: #fff; border-radius: 14px; padding: 1px 10px; font-size: 12px; cursor: pointer; color: #444746; }
.books button[aria-pressed="true"] { background: #c2e7ff; border-color: #c2e7ff; color: #001d35; }
.grid td.error { background-image: linear-gradient(225deg, #d93025 4px, transparent 4px); }
.connect { position: absolute; z-index: 5; width: 260px; padding: 12px 16px; background: #fff; border-radius: 8px; box-shadow: 0 2px 6px 2px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3); font: 13px Arial, sans-serif; }
.connect p { margin: 0 0 10px; }
.connect button { border: 0; border-radius: 4px; background: #0b57d0; color: #fff; padding: 6px 14px; cursor: pointer; }
.menubar { display: flex; }
.menu-root { position: relative; }
.menubar > .menu-root > button { border: 0; background: none; padding: 2px 7px; border-radius: 4px; cursor: pointer; color: #1f1f1f; }
.menubar > .menu-root > button[aria-disabled="true"] { cursor: default; }
.menubar > .menu-root > button:hover, .menubar > .menu-root > button[aria-expanded="true"] { background: #e1e5ea; }
.preview-badge { font-size: 12px; color: #444746; background: #e8f0fe; border-radius: 12px; padding: 4px 10px; }
.dropdown { position: absolute; top: 100%; left: 0; z-index: 20; min-width: 220px; padding: 6px 0; background: #fff; border-radius: 4px; box-shadow: 0 2px 6px 2px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3); }
.dropdown .dropdown { top: -6px; left: 100%; }
.dropdown button { display: flex; justify-content: space-between; width: 100%; border: 0; background: none; text-align: left; padding: 6px 16px 6px 24px; cursor: pointer; color: #1f1f1f; }
.dropdown button:hover, .dropdown button:focus { background: #f1f3f4; outline: none; }
.dropdown hr { border: 0; border-top: 1px solid #dadce0; margin: 6px 0; }
.dropdown .empty { padding: 6px 24px; color: #80868b; }
.formula-bar { display: flex; align-items: center; height: 30px; margin: 4px 0 0; border-top: 1px solid #dadce0; border-bottom: 1px solid #dadce0; background: #fff; font: 13px Arial, sans-serif; }
.name-box { width: 90px; padding: 0 8px; border-right: 1px solid #dadce0; height: 100%; line-height: 28px; }
.fx { width: 36px; text-align: center; color: #80868b; font-style: italic; }
.formula { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding-right: 8px; }
.workspace { flex: 1; display: flex; min-height: 0; background: #fff; }
.grid-wrap { flex: 1; overflow: auto; position: relative; outline: none; }
.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font: 13px Arial, sans-serif; }
.grid th, .grid td { height: 21px; padding: 0 3px; border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; white-space: nowrap; overflow: hidden; text-overflow: clip; background: #fff; }
.grid th { background: #f8f9fa; color: #5f6368; font-weight: normal; font-size: 11px; text-align: center; border-color: #c7c7c7; position: sticky; z-index: 2; }
.grid thead th { top: 0; }
.grid th.corner { left: 0; z-index: 4; }
.grid tbody th { left: 0; z-index: 1; }
.grid tr.frozen td { position: sticky; z-index: 1; }
.grid tr.frozen-last td { border-bottom: 3px solid #c7c7c7; }
.grid tr.spacer td { padding: 0; border: 0; }
.grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
.grid td.noted { background-image: linear-gradient(225deg, #0f9d58 4px, transparent 4px); }
.grid input.cell-editor { position: absolute; z-index: 5; border: 2px solid #1a73e8; font: 13px Arial, sans-serif; padding: 0 2px; outline: none; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.sidebar { width: 300px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #dadce0; background: #fff; }
.sidebar[hidden] { display: none; }
.sidebar-head { display: flex; align-items: center; height: 48px; padding: 0 8px 0 16px; border-bottom: 1px solid #dadce0; }
.sidebar-head h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 400; }
.sidebar-head .close { border: 0; background: none; width: 32px; height: 32px; border-radius: 50%; cursor: pointer; color: #444746; }
.sidebar-head .close:hover { background: #f1f3f4; }
.sidebar iframe { flex: 1; width: 100%; border: 0; }
.tabs { display: flex; align-items: stretch; height: 38px; padding: 0 0 0 48px; border-top: 1px solid #dadce0; background: #f9fbfd; overflow-x: auto; }
.tabs button { border: 0; border-bottom: 3px solid transparent; background: none; padding: 0 16px; cursor: pointer; color: #444746; font-weight: 500; white-space: nowrap; }
.tabs button:hover { background: #eef0f3; }
.tabs button[aria-selected="true"] { background: #e1e9f7; color: #0b57d0; }
.alert { border: 0; border-radius: 8px; padding: 24px; width: 460px; max-width: 90vw; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.alert::backdrop { background: rgba(32,33,36,.5); }
.alert h2 { margin: 0 0 12px; font-size: 20px; font-weight: 400; }
.alert p { margin: 0 0 20px; white-space: pre-wrap; color: #3c4043; }
.alert .buttons { text-align: right; }
.alert button { border: 0; border-radius: 4px; background: #1a73e8; color: #fff; padding: 8px 24px; cursor: pointer; }
.alert button.secondary { background: none; color: #0b57d0; margin-right: 8px; }
.alert button[hidden] { display: none; }
.toast { position: fixed; right: 24px; bottom: 56px; max-width: 360px; padding: 14px 18px; border-radius: 4px; background: #323232; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); white-space: pre-wrap; z-index: 30; }
.toast[hidden] { display: none; }
`;
