/** The overall grade and one grade per area, when the report carries a score. */
import type { AuditScore } from '../../../preload/contract/score';
import { strings } from '../../strings';

export function ScoreSummary({ score }: { readonly score: AuditScore }) {
  const text = strings.audit.results;
  const { overall } = score;
  return (
    <section className="score" aria-labelledby="score-title">
      <div className="score__overall">
        <h2 id="score-title" className="score__title">
          {text.gradeTitle}
        </h2>
        {overall === null ? (
          <p className="grade grade--none">{text.notTested}</p>
        ) : (
          <p className={`grade grade--${overall.grade}`} data-grade={overall.grade}>
            <span className="grade__letter" aria-hidden="true">
              {overall.grade}
            </span>
            <span className="visually-hidden">{text.gradeOf(overall.grade)}</span>
            <span className="grade__score">{text.scoreOf(overall.score)}</span>
          </p>
        )}
      </div>
      <div className="score__areas">
        <h3 className="visually-hidden">{text.areasTitle}</h3>
        <ul className="area-grades">
          {score.areas.map((area) => (
            <li
              className={`area-grade${area.grade === null ? ' area-grade--none' : ''}`}
              key={area.area}
              data-area={area.area}
            >
              <span className="area-grade__label">{area.label}</span>
              {area.grade === null ? (
                <span className="area-grade__value">{text.notTested}</span>
              ) : (
                <span className={`area-grade__value area-grade__value--${area.grade}`}>
                  <span aria-hidden="true">{area.grade}</span>
                  <span className="visually-hidden">{text.gradeOf(area.grade)}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
