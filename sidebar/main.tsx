import { render } from "preact";

function App() {
  return (
    <main>
      <h1>OKR Tracker</h1>
      <p>Track objectives and key results in this spreadsheet.</p>
      <p class="secondary">Use Extensions → OKR Tracker → Set up tracker to create the tracker's sheets.</p>
    </main>
  );
}

render(<App />, document.getElementById("app") as HTMLElement);
