/** Renderer entry: styles first, then the app into #root. */
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/settings.css';
import './styles/audit.css';
import './styles/audit-run.css';
import './styles/audit-results.css';
import './styles/audit-finding.css';
import './styles/history.css';
import './styles/clients.css';
import './styles/desk.css';
import './styles/split.css';
import './styles/message-check.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
