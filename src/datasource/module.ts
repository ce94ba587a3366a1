import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { CandorDatasource } from './datasource';
import type { CandorOptions, CandorQuery } from './types';

export const plugin = new DataSourcePlugin<CandorDatasource, CandorQuery, CandorOptions>(CandorDatasource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
