/** "What will be tested": the four areas an audit covers, as both plans (one account, a client) show them. */
import { strings } from '../../strings';

export function WhatWillBeTested({ headingId }: { readonly headingId: string }) {
  const text = strings.audit.plan;
  return (
    <section className="audit__section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {text.whatTitle}
      </h2>
      <ul className="plan-list">
        {text.what.map((item) => (
          <li className="plan-item" key={item.title}>
            <h3 className="plan-item__title">{item.title}</h3>
            <p className="plan-item__body">{item.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
