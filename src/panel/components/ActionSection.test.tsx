import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { locationService, setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { of, throwError } from 'rxjs';

import { TEST_IDS } from '../testIds';
import { createRow, createScorecardFrame, statusRow } from '../testing/factories';
import { renderPanel } from '../testing/render';

/** Grafana's backendSrv for the annotations API: records each request, answers with `answer`. */
function installAnnotationsApi(answer: (r: BackendSrvRequest) => unknown) {
  const requests: BackendSrvRequest[] = [];
  setBackendSrv({
    fetch: (r: BackendSrvRequest) => {
      requests.push(r);
      try {
        return of({ data: answer(r), status: 200, ok: true });
      } catch (e) {
        return throwError(() => e);
      }
    },
  } as unknown as BackendSrv);
  return requests;
}

/** The signed-in user as Grafana's page hands it to plugins (window.grafanaBootData, which jsdom lacks). */
const asRole = (orgRole: string) => {
  const w = window as unknown as { grafanaBootData?: unknown };
  w.grafanaBootData = { settings: { featureToggles: {} }, user: { orgId: 1, orgRole, permissions: {} } };
};

const amberRow = (overrides = {}) =>
  createRow({
    metric_id: 'nps',
    label: 'Net Promoter Score',
    owner: 'VP Customer Success',
    ...statusRow('amber'),
    ...overrides,
  });

async function openEvidence() {
  fireEvent.click(screen.getByTestId(TEST_IDS.metricStatus));
  return screen.findByTestId(TEST_IDS.evidence);
}

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-16T12:00:00Z'));
  jest.spyOn(locationService, 'reload').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
  delete (window as unknown as { grafanaBootData?: unknown }).grafanaBootData;
});

describe('recording an action from the evidence', () => {
  it('an Editor records one: the core writes the annotation, then the dashboard refreshes', async () => {
    asRole('Editor');
    const requests = installAnnotationsApi(() => ({ message: 'Annotation added', id: 42 }));
    renderPanel({ series: [createScorecardFrame({ rows: [amberRow()] })] });
    const evidence = await openEvidence();
    expect(within(evidence).getByTestId(TEST_IDS.action)).toHaveTextContent('No action recorded.');
    const form = within(evidence).getByTestId(TEST_IDS.actionForm);
    fireEvent.change(within(form).getByLabelText('What is being done'), { target: { value: 'Interview detractors' } });
    fireEvent.change(within(form).getByLabelText('Due'), { target: { value: '2026-11-30' } });
    fireEvent.submit(form);
    await waitFor(() => expect(locationService.reload).toHaveBeenCalled());
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: '/api/annotations', method: 'POST' });
    expect(requests[0].data).toEqual({
      time: Date.parse('2026-11-16T12:00:00Z'),
      tags: [
        'candor',
        'candor-action',
        'scorecard:platform-scorecard',
        'metric:nps',
        'owner:VP Customer Success',
        'due:2026-11-30',
      ],
      text: 'Interview detractors',
    });
    expect(await within(evidence).findByRole('status')).toHaveTextContent('Action 42 recorded');
  });

  it('refuses a form with problems, each one said, and sends nothing', async () => {
    asRole('Editor');
    const requests = installAnnotationsApi(() => ({}));
    renderPanel({ series: [createScorecardFrame({ rows: [amberRow()] })] });
    const form = within(await openEvidence()).getByTestId(TEST_IDS.actionForm);
    fireEvent.change(within(form).getByLabelText('Owner'), { target: { value: 'Team: SRE' } });
    fireEvent.change(within(form).getByLabelText('Due'), { target: { value: '2026-11-01' } });
    fireEvent.submit(form);
    const alerts = within(form)
      .getAllByRole('alert')
      .map((a) => a.textContent);
    expect(alerts).toEqual([
      expect.stringMatching(/^owner: /),
      'text: say what is being done, in 1 to 500 characters',
      'due: 2026-11-01 is already past (today is 2026-11-16); an action is due today or later',
    ]);
    expect(requests).toHaveLength(0);
  });

  it('says so when Grafana refuses, and does not refresh', async () => {
    asRole('Editor');
    installAnnotationsApi(() => {
      throw { status: 403, data: { message: 'Access denied to this dashboard' } };
    });
    renderPanel({ series: [createScorecardFrame({ rows: [amberRow()] })] });
    const evidence = await openEvidence();
    const form = within(evidence).getByTestId(TEST_IDS.actionForm);
    fireEvent.change(within(form).getByLabelText('What is being done'), { target: { value: 'x' } });
    fireEvent.submit(form);
    expect(
      await within(evidence).findByText(/Grafana did not record the action: HTTP 403: Access denied/)
    ).toBeTruthy();
    expect(locationService.reload).not.toHaveBeenCalled();
  });

  it('a Viewer sees the action or its absence, and no form', async () => {
    asRole('Viewer');
    installAnnotationsApi(() => ({}));
    renderPanel({ series: [createScorecardFrame({ rows: [amberRow()] })] });
    const evidence = await openEvidence();
    expect(within(evidence).getByTestId(TEST_IDS.action)).toHaveTextContent('No action recorded.');
    expect(within(evidence).queryByTestId(TEST_IDS.actionForm)).toBeNull();
  });

  it('shows the open action, overdue when past its day, and an Editor closes it with candor-done', async () => {
    asRole('Editor');
    const tags = [
      'candor',
      'candor-action',
      'scorecard:platform-scorecard',
      'metric:nps',
      'owner:CFO',
      'due:2026-11-10',
    ];
    const requests = installAnnotationsApi((r) =>
      r.method === 'GET' ? { id: 7, time: 1000, tags } : { message: 'Annotation patched' }
    );
    const action = {
      id: '7',
      owner: 'CFO',
      text: 'Freeze spend',
      dueDate: '2026-11-10',
      due: 0,
      recorded: 0,
      overdue: true,
    };
    renderPanel({ series: [createScorecardFrame({ rows: [amberRow({ action })] })] });
    const evidence = await openEvidence();
    expect(within(evidence).getByTestId(TEST_IDS.action)).toHaveTextContent(
      'Action: Freeze spend — CFO, overdue since 2026-11-10'
    );
    fireEvent.click(within(evidence).getByTestId(TEST_IDS.actionDone));
    await waitFor(() => expect(locationService.reload).toHaveBeenCalled());
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/annotations/7', 'PATCH /api/annotations/7']);
    expect(requests[1].data).toEqual({ tags: [...tags, 'candor-done'], timeEnd: Date.parse('2026-11-16T12:00:00Z') });
  });
});
