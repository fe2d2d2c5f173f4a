import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/bridge';
import { App } from './app/App';
import './styles/app.css';

/**
 * Renderer entry: finds the bridge (Electron preload or browser-mode HTTP) and mounts the app.
 *
 * Without a bridge there is nothing the app can do, so it says so in the page instead of
 * rendering a broken screen.
 */
function mount(): void {
  const container =
    document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  try {
    const api = getApi();
    root.render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    );
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message : String(caught);
    root.render(
      <div className="app" data-app-ready="true" role="alert">
        <p className="fatal">batchline could not connect to its background service: {reason}</p>
      </div>,
    );
  }
}

mount();
