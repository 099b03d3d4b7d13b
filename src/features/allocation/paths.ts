import { path } from '../../platform/http/path.js';

/** Who holds a child's record: the page, allocating, transferring, reading the handover note, the API. */
export const allocationPaths = {
  page: path('/children/:childId/allocation'),
  allocate: path('/children/:childId/allocation/new'),
  transfer: path('/children/:childId/allocation/transfer'),
  handoverRead: path('/children/:childId/allocation/handovers/:noteId/read'),
  api: {
    allocations: path('/api/v1/children/:childId/allocations'),
    transfer: path('/api/v1/children/:childId/allocations/transfer'),
    handoverRead: path('/api/v1/children/:childId/allocations/handovers/:noteId/read'),
  },
} as const;
