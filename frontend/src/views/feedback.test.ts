// The hot wash in the web client: the form's data as feedback.submit takes it, the routes, the debrief's
// messages in English and German.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { setLocale } from '../i18n';
import { debriefUrl, formStateText } from '../panels/feedbackPanel';
import { parseRoute } from '../router';
import { debriefErrorText, feedbackLine } from './debrief';
import { feedbackData, feedbackPath } from './feedback';

describe('feedback form', () => {
  afterEach(() => setLocale('en'));

  it('sends one entry per non-blank line, ratings 1 to 5 only, and no empty comments', () => {
    expect(feedbackData(' Clear roles \n\n  fast containment ', '', { lead: '4', decide: '', inform: '9' }, '  ')).toEqual({
      strengths: ['Clear roles', 'fast containment'],
      improvements: [],
      ratings: { lead: 4 },
    });
    expect(feedbackData('', 'Templates', {}, ' Good drill. ')).toEqual({ strengths: [], improvements: ['Templates'], ratings: {}, comments: 'Good drill.' });
  });

  it('has its routes: the form of a room, and a debrief read by its token', () => {
    expect(feedbackPath('r 1')).toBe('/rooms/r%201/feedback');
    expect(parseRoute('/rooms/r%201/feedback')).toEqual({ view: 'feedback', roomId: 'r 1' });
    expect(parseRoute('/debrief', '#abc_DEF-123')).toEqual({ view: 'debrief', token: 'abc_DEF-123' });
    expect(parseRoute('/rooms/r1/play')).toEqual({ view: 'play', roomId: 'r1' });
  });

  it('says what the panel and the debrief page show, in English and German', () => {
    expect(formStateText(undefined)).toBe('The feedback form has not been opened.');
    expect(formStateText('open')).toBe('The feedback form is open.');
    expect(debriefUrl('https://sitroom.example/', '/debrief#t0k')).toBe('https://sitroom.example/debrief#t0k');
    const decide = { id: 'decide', text: 'Decide with legal', ratings: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] };
    expect(feedbackLine(decide)).toBe('Decide with legal: average 4.5 (2 ratings)');
    expect(feedbackLine({ ...decide, ratings: 0, average: undefined })).toBe('Decide with legal: no rating');
    expect(debriefErrorText(new ApiError(410, 'gone', 'this debrief link was revoked by the facilitator'))).toBe(
      'This debrief link no longer works: this debrief link was revoked by the facilitator. Ask the facilitator for a new one.',
    );
    expect(debriefErrorText(new ApiError(404, 'not_found', 'this debrief link is unknown'))).toMatch(/^This debrief link is unknown/);
    setLocale('de');
    expect(formStateText('closed')).toBe('Der Rückmeldebogen ist geschlossen.');
    expect(feedbackLine(decide)).toBe('Decide with legal: Durchschnitt 4,5 (2 Bewertungen)');
    expect(debriefErrorText(new ApiError(404, 'not_found', 'x'))).toMatch(/^Dieser Nachbesprechungslink ist unbekannt/);
  });
});
