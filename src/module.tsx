import { AppPlugin } from '@grafana/data';
import { AppRoot } from './components/AppRoot';

/** The Candor app: a root page that explains the app; the scorecard itself is the nested panel and datasource. */
export const plugin = new AppPlugin<{}>().setRootPage(AppRoot);
