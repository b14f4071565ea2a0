// Ties a screen's selection to the key of the row under it as soon as there are rows, so a refresh
// that reorders them keeps the same row selected even before any key was pressed. Not during the
// first load: pages still arriving would leave the cursor on a row that sorted away from the top.
import {useEffect, type MutableRefObject} from 'react';
import {currentEntry, type ListContext, type ViewState} from '../../core/view-state.js';
import type {ViewDispatch} from './use-view-store.js';

export function usePinnedSelection(viewRef: MutableRefObject<ViewState>, dispatch: ViewDispatch, list: ListContext, loading: boolean): void {
	useEffect(() => {
		if (!loading && list.count > 0 && currentEntry(viewRef.current).cursor.key === undefined) dispatch({type: 'pin'}, list);
	}, [viewRef, dispatch, list, loading]);
}
