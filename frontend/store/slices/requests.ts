import type { StateCreator } from "zustand";

import type { AppState, RequestsSlice } from "../types";

export const requestsInitial = () =>
  ({ requests: {}, pollTrouble: {} }) satisfies Partial<RequestsSlice>;

export const createRequestsSlice: StateCreator<AppState, [], [], RequestsSlice> = (set) => ({
  ...requestsInitial(),
  setRequest: (key, status) =>
    set((state) => {
      const requests = { ...state.requests };
      if (status) requests[key] = status;
      else delete requests[key];
      return { requests };
    }),
  setPollTrouble: (job, error) =>
    set((state) => {
      if (!error && !(job in state.pollTrouble)) return {};
      const pollTrouble = { ...state.pollTrouble };
      if (error) pollTrouble[job] = error;
      else delete pollTrouble[job];
      return { pollTrouble };
    }),
});
