import type { CaseWork } from "@sainam/contract";

export type CaseWorkView = CaseWork;
export type ConsultationView = CaseWork["consultations"][number];
export type TaskView = CaseWork["tasks"][number];
export type ProgrammeChoice = CaseWork["programmeChoices"][number];
