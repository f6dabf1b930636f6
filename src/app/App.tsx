import './app.css';

export function App() {
  return (
    <div className="shell">
      <header className="shell-header">
        <img className="shell-logo" src="/icon-192.png" alt="" width="32" height="32" />
        <h1 className="shell-title">Fieldnote</h1>
      </header>
      <main className="shell-main">
        <section className="welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">Welcome to Fieldnote</h2>
          <p>
            Fieldnote is for family case managers recording HUD HMIS data on phones and shelter
            tablets. It works offline: once this page has loaded, it opens without a connection.
          </p>
          <p>
            Sign-in and your caseload arrive in the next release. After that, records you enter
            offline are kept on this device and sent when you are back online.
          </p>
        </section>
      </main>
    </div>
  );
}
