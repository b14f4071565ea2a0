// The view state, with a ref that is current between renders: keys can arrive faster than React
// renders ("/" then "a" in two chunks), and each must see the state the previous one left.
import {useCallback, useRef, useState, type MutableRefObject} from 'react';
import {viewReducer, type ListContext, type ViewIntent, type ViewState} from '../../core/view-state.js';

export type ViewDispatch = (intent: ViewIntent, list?: ListContext) => void;

export function useViewStore(initial: () => ViewState): [ViewState, ViewDispatch, MutableRefObject<ViewState>] {
	const [state, setState] = useState(initial);
	const ref = useRef(state);
	const dispatch = useCallback<ViewDispatch>((intent, list) => {
		const next = viewReducer(ref.current, intent, list);
		if (next === ref.current) return;
		ref.current = next;
		setState(next);
	}, []);
	return [state, dispatch, ref];
}
