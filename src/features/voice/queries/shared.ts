/** The council and child most of voice's reads are about. */
export interface OfChild {
  tenantId: string;
  childId: string;
}
