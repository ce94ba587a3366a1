import {
  type DataQueryRequest,
  type DataQueryResponse,
  DataSourceApi,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import type { CandorOptions, CandorQuery } from './types';

/** Skeleton of the Candor datasource: it loads and answers, but returns no frames until catalog evaluation lands. */
export class CandorDatasource extends DataSourceApi<CandorQuery, CandorOptions> {
  constructor(instanceSettings: DataSourceInstanceSettings<CandorOptions>) {
    super(instanceSettings);
  }

  async query(_request: DataQueryRequest<CandorQuery>): Promise<DataQueryResponse> {
    return { data: [] };
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return { status: 'success', message: 'Candor datasource loaded' };
  }
}
