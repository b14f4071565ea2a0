// The first screen when no domain was given: every domain of the account and region.
import React, {useMemo} from 'react';
import type {ColumnSpec} from '../../core/layout.js';
import {formatTime, TABLE_TIME_STEP_S} from '../../core/format.js';
import type {ListOrder} from '../../core/list-view.js';
import {sanitize} from '../../core/sanitize.js';
import type {Domain} from '../../core/step.js';
import type {WatchSource} from '../../poller/watch-state.js';
import {ListScreen, type ListScreenProps} from './list-screen.js';

const COLUMNS: readonly ColumnSpec[] = [
	{id: 'name', title: 'DOMAIN', min: 20, preferred: 48},
	{id: 'created', title: 'CREATED', min: 12, dropRank: 2, time: true},
	{id: 'tags', title: 'TAGS', min: 10, flex: true, dropRank: 1},
];

const keyOf = (domain: Domain) => domain.DomainName;

type Shared = Omit<ListScreenProps<Domain>, 'kind' | 'controller' | 'title' | 'columns' | 'keyOf' | 'cells' | 'emptyText' | 'searchText' | 'orders'>;

const searchText = (domain: Domain) => `${domain.DomainName} ${Object.entries(domain.Tags ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`;

const ORDERS: readonly ListOrder<Domain>[] = [
	{name: 'listed'},
	{name: 'name', compare: (a, b) => (a.DomainName < b.DomainName ? -1 : a.DomainName > b.DomainName ? 1 : 0)},
	{name: 'created', compare: (a, b) => a.CreatedAt - b.CreatedAt},
];

export function DomainsScreen(props: Shared & {source: WatchSource}): React.JSX.Element {
	const {source, ...shared} = props;
	const controller = useMemo(() => source.watchDomains(), [source]);
	const {theme} = shared;
	return (
		<ListScreen
			{...shared}
			kind="domains"
			controller={controller}
			searchText={searchText}
			orders={ORDERS}
			title={[{text: 'cp-watch', bold: theme.bold, color: theme.accent}, {text: `${theme.separator}domains${theme.separator}Enter opens, ? help`}]}
			columns={COLUMNS}
			keyOf={keyOf}
			emptyText="no domains in this account and region"
			cells={(domain, now, timeMode) => ({
				name: {text: sanitize(domain.DomainName)},
				created: {text: formatTime(domain.CreatedAt, timeMode, now, TABLE_TIME_STEP_S)},
				tags: {
					text: sanitize(
						Object.entries(domain.Tags ?? {})
							.map(([k, v]) => `${k}=${v}`)
							.join(' '),
					),
					dim: theme.dim,
				},
			})}
		/>
	);
}
