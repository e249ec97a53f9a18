/**
 * The overall grade with what capped it and the score without the cap, then one grade per area, each
 * saying "Not tested" (and why), "Partly tested" or "Not asked" rather than showing a free 100.
 */
import type { AreaScore, AuditScore } from '../../../preload/contract/score';
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
          <>
            <p className="grade grade--none" data-grade="incomplete">
              {text.incomplete}
            </p>
            <ul className="score__notes">
              {score.incomplete.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p className={`grade grade--${overall.grade}`} data-grade={overall.grade}>
              <span className="grade__letter" aria-hidden="true">
                {overall.grade}
              </span>
              <span className="visually-hidden">{text.gradeOf(overall.grade)}</span>
              <span className="grade__score">{text.scoreOf(overall.score)}</span>
            </p>
            {(overall.caps.length > 0 || overall.partial) && (
              <ul className="score__notes">
                {overall.caps.map((cap) => (
                  <li key={cap.rule} className="score__cap" data-cap={cap.rule}>
                    {text.capped(cap.grade, cap.reason)}
                  </li>
                ))}
                {overall.caps.length > 0 && overall.uncappedScore !== overall.score && (
                  <li className="score__uncapped">{text.uncapped(overall.uncappedScore)}</li>
                )}
                {overall.partial && <li>{text.partial}</li>}
              </ul>
            )}
          </>
        )}
      </div>
      <div className="score__areas">
        <h3 className="visually-hidden">{text.areasTitle}</h3>
        <ul className="area-grades">
          {score.areas.map((area) => (
            <AreaGrade key={area.area} area={area} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function AreaGrade({ area }: { readonly area: AreaScore }) {
  const text = strings.audit.results;
  const why = area.why.join(' ');
  return (
    <li
      className={`area-grade${area.grade === null ? ' area-grade--none' : ''}`}
      data-area={area.area}
      data-status={area.status}
      title={why === '' ? undefined : why}
    >
      <span className="area-grade__label">
        {area.label}
        {area.status === 'partly-tested' && <span className="area-grade__status">{text.partlyTested}</span>}
      </span>
      {area.grade === null ? (
        <span className="area-grade__value">
          {area.status === 'not-asked' ? text.notAsked : text.notTested}
        </span>
      ) : (
        <span className={`area-grade__value area-grade__value--${area.grade}`}>
          <span aria-hidden="true">{area.grade}</span>
          <span className="visually-hidden">{text.gradeOf(area.grade)}</span>
        </span>
      )}
    </li>
  );
}
