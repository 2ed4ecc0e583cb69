// What the explorer is showing and what it was asked to show, shared by its modules.
import { navigate } from "../../router.js";
import { addressOf, stateOf } from "./address.js";

export const state = {
  want: stateOf(new URLSearchParams()), // what the address asks for
  drawn: null, // what the graph shows of it
  epoch: 0, // a newer address stops an older one's drawing
  centre: null, // the centre as drawn: { id, type, label }
};

// A new address: the state asked for with `changes`.
export function go(changes) {
  navigate(addressOf({ ...state.want, ...changes }));
}
