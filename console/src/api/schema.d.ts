// Generated from the API's OpenAPI document by `npm run api:types`; a test fails when it drifts.


/** OneOf type helpers */
type Without<T, U> = { [P in Exclude<keyof T, keyof U>]?: never };
type XOR<T, U> = (T | U) extends object ? (Without<T, U> & U) | (Without<U, T> & T) : T | U;
type OneOf<T extends any[]> = T extends [infer Only] ? Only : T extends [infer A, infer B, ...infer Rest] ? OneOf<[XOR<A, B>, ...Rest]> : never;

export interface paths {
  "/health": {
    /** Liveness: the process answers */
    get: operations["health"];
  };
  "/ready": {
    /** Readiness: PostgreSQL and Temporal answer within 3 s, or which one does not */
    get: operations["ready"];
  };
  "/api/v1/session": {
    /** How this deployment signs people in (dev tokens or the identity provider's JWT), who the caller is, and the policy the console shows */
    get: operations["getSession"];
  };
  "/api/v1/dev/tokens": {
    /** Mint a development token (AUTH_MODE=dev only) */
    post: operations["createDevToken"];
  };
  "/api/v1/dev/agencies": {
    /** The registered agencies for the console's development sign-in (AUTH_MODE=dev only) */
    get: operations["listDevSignInAgencies"];
  };
  "/api/v1/agencies": {
    /** The registered agencies, by code */
    get: operations["listAgencies"];
    /** Register an agency (公共管理和服务机构) */
    post: operations["createAgency"];
  };
  "/api/v1/catalog/resources": {
    /** The public-data catalog (公共数据资源目录), filtered by provider, share and open type, freshness */
    get: operations["listResources"];
    /** Add a resource to the public-data catalog (公共数据资源目录) */
    post: operations["createResource"];
  };
  "/api/v1/catalog/resources/{id}": {
    /** One catalog resource with its fields, share and open type and freshness */
    get: operations["getResource"];
  };
  "/api/v1/catalog/resources/{id}/data-updates": {
    /** Record that the provider updated the data (feeds freshness, P6) */
    post: operations["recordDataUpdate"];
  };
  "/api/v1/calendar/working-days": {
    /** The date N working days (工作日) after a date; the date itself is not counted */
    get: operations["addWorkingDays"];
  };
  "/api/v1/calendar/years/{year}": {
    /** A year's holidays and make-up days in force, and their source (none: weekends alone, provisional) */
    get: operations["getCalendarYear"];
    /** Publish a year's holidays and make-up working days (from the State Council notice) */
    put: operations["putCalendarYear"];
  };
  "/api/v1/calendar/publications/{id}": {
    /** The progress of a calendar publication job: how many open cases have heard of the published year */
    get: operations["getCalendarPublication"];
  };
  "/api/v1/share-applications": {
    /** Applications the caller may see, newest first (parties see their own; the bureau sees all) */
    get: operations["listShareApplications"];
    /** Apply for another agency's resource (共享申请) */
    post: operations["submitShareApplication"];
  };
  "/api/v1/share-applications/{id}": {
    /** One share application with its timeline and the caller’s actions */
    get: operations["getShareApplication"];
  };
  "/api/v1/share-applications/{id}/decision": {
    /** The provider's decision: approve, reject (reason and legal basis), request a supplement, or extend once */
    post: operations["decideShareApplication"];
  };
  "/api/v1/share-applications/{id}/supplement": {
    /** The applicant supplements what the provider listed as missing (补正) */
    post: operations["supplementShareApplication"];
  };
  "/api/v1/share-applications/{id}/withdrawal": {
    /** The applicant withdraws an undecided application */
    post: operations["withdrawShareApplication"];
  };
  "/api/v1/share-applications/{id}/urge": {
    /** The bureau urges the provider (催办) */
    post: operations["urgeShareApplication"];
  };
  "/api/v1/share-applications/{id}/renewal": {
    /** The applicant asks to renew a live grant (续期) */
    post: operations["renewShareApplication"];
  };
  "/api/v1/share-applications/{id}/revocation": {
    /** The provider or the bureau revokes a grant, with a reason */
    post: operations["revokeShareGrant"];
  };
  "/api/v1/share-applications/{id}/objection": {
    /** Object to a refusal within the objection window (不予共享异议); starts the objection process */
    post: operations["objectToRefusal"];
  };
  "/api/v1/share-applications/{id}/credential": {
    /** Issue (or rotate) the access credential of a live grant; shown only in this answer */
    post: operations["issueShareCredential"];
  };
  "/api/v1/objections": {
    /** Objections: the bureau sees all, parties their own */
    get: operations["listObjections"];
  };
  "/api/v1/objections/{id}": {
    /** One objection (异议协商) with its statements, minutes, ruling and timeline */
    get: operations["getObjection"];
  };
  "/api/v1/objections/{id}/dossier": {
    /** The case dossier (卷宗) as a printable zh-CN HTML page */
    get: operations["getObjectionDossier"];
  };
  "/api/v1/objections/{id}/settlement": {
    /** The provider agrees to share during negotiation */
    post: operations["settleObjection"];
  };
  "/api/v1/objections/{id}/assignment": {
    /** The bureau takes the case (coordination); default coordinator: the caller */
    post: operations["assignObjection"];
  };
  "/api/v1/objections/{id}/statements": {
    /** A party adds a statement to an open objection */
    post: operations["addObjectionStatement"];
  };
  "/api/v1/objections/{id}/minutes": {
    /** The assigned coordinator records the minutes of a consultation */
    post: operations["addObjectionMinutes"];
  };
  "/api/v1/objections/{id}/ruling": {
    /** The assigned coordinator rules on the objection, with reasoning */
    post: operations["ruleObjection"];
  };
  "/api/v1/objections/{id}/escalation": {
    /** Refer to the municipal government (市人民政府统筹协调) */
    post: operations["escalateObjection"];
  };
  "/api/v1/objections/{id}/government-decision": {
    /** A bureau admin records the municipal government’s decision (市人民政府统筹协调) */
    post: operations["recordGovernmentDecision"];
  };
  "/api/v1/open-data-requests": {
    /** Open-data requests the caller may see, newest first */
    get: operations["listOpenDataRequests"];
    /** Ask for a conditionally-open dataset (有条件开放申请) */
    post: operations["submitOpenDataRequest"];
  };
  "/api/v1/open-data-requests/{id}/credential": {
    /** Issue a new access credential for active access (the old one stops working); shown only in this answer */
    post: operations["rotateOpenDataCredential"];
  };
  "/api/v1/open-data-requests/{id}": {
    /** One conditional open-data request (有条件开放申请) with its timeline */
    get: operations["getOpenDataRequest"];
  };
  "/api/v1/open-data-requests/{id}/formal-check": {
    /** The bureau’s formal check: accept the request or return it with reasons */
    post: operations["formalCheckOpenDataRequest"];
  };
  "/api/v1/open-data-requests/{id}/resubmission": {
    /** The requester corrects a returned request */
    post: operations["resubmitOpenDataRequest"];
  };
  "/api/v1/open-data-requests/{id}/decision": {
    /** The provider approves (with conditions) or rejects, with reasons and legal basis */
    post: operations["decideOpenDataRequest"];
  };
  "/api/v1/open-data-requests/{id}/agreement": {
    /** Sign the data-use agreement; the answer carries the access credential, shown only here */
    post: operations["signOpenDataAgreement"];
  };
  "/api/v1/open-data-requests/{id}/usage-reports": {
    /** The requester reports how the data was used (利用情况、成果) */
    post: operations["reportOpenDataUsage"];
  };
  "/api/v1/open-data-requests/{id}/revocation": {
    /** The provider or the bureau revokes open-data access, with a reason */
    post: operations["revokeOpenDataAccess"];
  };
  "/api/v1/agreement-texts/current": {
    /** The use agreement in force (公共数据开放利用协议) */
    get: operations["getCurrentAgreement"];
  };
  "/api/v1/agreement-texts": {
    /** Publish a new version of the open-data use agreement (公共数据开放利用协议) */
    post: operations["publishAgreement"];
  };
  "/api/v1/credentials/introspection": {
    /** Is this credential live, and for what? (RFC 7662 style; role gateway) */
    post: operations["introspectCredential"];
  };
  "/api/v1/audit-events": {
    /** A case's audit events in order, each with its hash and the previous event's hash (or a reference item's: agency:CODE, catalog:ID, data-update:ID, calendar:YEAR, agreement:VERSION, indicators:VERSION, policy:DIGEST) */
    get: operations["listAuditEvents"];
  };
  "/api/v1/audit-events/verification": {
    /** Recompute the whole keyed hash chain, against the latest stored checkpoint */
    get: operations["verifyAuditChain"];
    /** Recompute the chain against a checkpoint kept outside the database (a cut tail is found) */
    post: operations["verifyAuditChainAgainstCheckpoint"];
  };
  "/api/v1/audit-checkpoints/latest": {
    /** The newest signed checkpoint of the chain's head (written every hour) */
    get: operations["getLatestAuditCheckpoint"];
  };
  "/api/v1/audit-checkpoints": {
    /** Sign and store a checkpoint of the chain's head now (the schedule writes one every hour) */
    post: operations["writeAuditCheckpoint"];
  };
  "/api/v1/notifications": {
    /** The caller's inbox (own, own agency's, and the bureau's for bureau staff) */
    get: operations["listNotifications"];
  };
  "/api/v1/notifications/unread-count": {
    /** How many notifications in the inbox the caller has not read */
    get: operations["countUnreadNotifications"];
  };
  "/api/v1/notifications/read-all": {
    /** Marks everything in the caller's inbox read */
    post: operations["markAllNotificationsRead"];
  };
  "/api/v1/notifications/{id}/read": {
    /** Marks one of the caller’s notifications as read */
    post: operations["markNotificationRead"];
  };
  "/api/v1/corrections": {
    /** Error reports (数据纠错) the caller may see, newest first */
    get: operations["listCorrections"];
    /** Report an error in published data (数据纠错) */
    post: operations["reportCorrection"];
  };
  "/api/v1/corrections/{id}": {
    /** One error report with its verification and timeline */
    get: operations["getCorrection"];
  };
  "/api/v1/corrections/{id}/return": {
    /** Return a report that is not your data, owner unknown, to the bureau to route by hand (退回大数据局) */
    post: operations["returnCorrection"];
  };
  "/api/v1/corrections/{id}/forwarding": {
    /** Route a returned report by hand to the agency that verifies it, within correction.forwardWd (bureau coordinator) */
    post: operations["forwardCorrection"];
  };
  "/api/v1/corrections/{id}/extension": {
    /** The verifying agency extends verification once, approved by its head */
    post: operations["extendCorrection"];
  };
  "/api/v1/corrections/{id}/verification": {
    /** The verifying agency answers: corrected, no change (with reasons) or transferred */
    post: operations["verifyCorrection"];
  };
  "/api/v1/assessment-schedule": {
    /** The annual schedule that starts each cycle (next run, paused?) */
    get: operations["getAssessmentSchedule"];
  };
  "/api/v1/assessment-indicators": {
    /** Versions of the indicator framework (评估指标体系) */
    get: operations["listIndicatorSets"];
    /** Publish a new framework version (weights, floors, grade thresholds); versions are never edited */
    post: operations["createIndicatorSet"];
  };
  "/api/v1/assessment-cycles": {
    /** Every year assessed, the latest first, with its state and number of agencies */
    get: operations["listAssessmentCycles"];
    /** Start (or backfill) the assessment of a year now; a year runs at most once */
    post: operations["startAssessmentCycle"];
  };
  "/api/v1/assessment-cycles/{year}": {
    /** A year’s assessment cycle: its stages, deadlines and agencies by state */
    get: operations["getAssessmentCycle"];
  };
  "/api/v1/assessment-cycles/{year}/agencies": {
    /** A cycle's agencies (the bureau sees all; an assessor the agencies assigned to them) */
    get: operations["listAgencyAssessments"];
  };
  "/api/v1/assessment-cycles/{year}/results.csv": {
    /** Published results as CSV (UTF-8), in rank order */
    get: operations["exportAssessmentResults"];
  };
  "/api/v1/assessment-cycles/{year}/assignments": {
    /** Assign an independent assessor (第三方评估机构) to agencies */
    post: operations["assignAssessor"];
  };
  "/api/v1/assessment-cycles/{year}/publication": {
    /** Publish preliminary results (opens the notice period, 公示) or final results */
    post: operations["publishAssessmentResults"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}": {
    /** One agency’s assessment in a cycle: scores, appeal, rectification, timeline */
    get: operations["getAgencyAssessment"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/self-assessment": {
    /** The agency scores itself on every applicable indicator, with evidence */
    post: operations["submitSelfAssessment"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/review": {
    /** The assigned assessor's review */
    post: operations["submitAssessmentReview"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/appeal": {
    /** Appeal the preliminary result during the notice period (公示) */
    post: operations["appealAssessment"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/appeal/answer": {
    /** The bureau's answer to an appeal, revising scores where it upholds it */
    post: operations["answerAssessmentAppeal"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/rectification": {
    /** The rectification (整改) plan, then the completion report */
    post: operations["reportRectification"];
  };
  "/api/v1/assessment-cycles/{year}/agencies/{code}/rectification/verification": {
    /** The bureau verifies the rectification; a failed check reopens it */
    post: operations["verifyRectification"];
  };
  "/api/v1/work-items": {
    /** 待办: the cases awaiting the caller across all processes, by deadline (view=done: acted on, latest first; view=watching: other open cases of the caller's agency) */
    get: operations["listWorkItems"];
  };
  "/api/v1/statistics": {
    /** 统计: cases by state, overdue by agency, median review time (working days) and the monthly trend; the bureau sees the city, an agency its own */
    get: operations["getStatistics"];
  };
  "/api/v1/schedules": {
    /** The schedules (daily freshness sweep, annual assessment, hourly audit checkpoint): next runs and paused state */
    get: operations["listSchedules"];
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    /** @description RFC 9457 problem details */
    ProblemInput: {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
      instance?: string;
      state?: string;
      caseId?: string;
      errors?: {
          path: string;
          message: string;
        }[];
    };
    AgencyInput: {
      code: string;
      name: string;
      /** @enum {string} */
      level: "municipal" | "county";
      region: string | null;
      createdAt: string;
    };
    AuditEventInput: {
      id: number;
      action: string;
      fromState: string | null;
      toState: string | null;
      actorId: string;
      actorName: string | null;
      actorRole: string;
      actorAgency: string | null;
      at: string;
      reason: string | null;
      legalBasis: string | null;
      data: {
        [key: string]: unknown;
      } | null;
      hash: string;
      prevHash: string;
    };
    ShareApplicationInput: {
      id: string;
      /** @enum {string} */
      state: "pending_review" | "awaiting_supplement" | "granted" | "rejected" | "in_objection" | "withdrawn" | "closed" | "expired" | "revoked";
      overdue: boolean;
      applicantAgency: string;
      providerAgency: string;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      shareType: string;
      fields: string[];
      purpose: string;
      dutyBasis: string;
      usageScope: string;
      periodMonths: number;
      /** @enum {string} */
      deliveryMethod: "api" | "batch" | "file" | "verification";
      securityMeasures: string | null;
      reviewDueAt: string | null;
      reviewDueDate: string | null;
      supplementDueAt: string | null;
      supplementDueDate: string | null;
      objectionDueAt: string | null;
      objectionDueDate: string | null;
      deadlineProvisional: boolean;
      missing: string[] | null;
      decision: ({
        decision: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string | null;
        legalBasis: string | null;
        conditions: string | null;
        automatic?: boolean;
        final?: boolean;
      }) | null;
      extension: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string;
        extendWd: number;
      }) | null;
      supplements: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          note: string;
          missing: string[];
          changes: {
            [key: string]: string;
          };
        })[];
      renewal: ({
        state: string;
        periodMonths: number;
        reason: string;
        requestedBy: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        requestedAt: string;
        reviewDueAt: string | null;
        reviewDueDate: string | null;
        overdue: boolean;
        decision: ({
          decision: string;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          reason: string | null;
          legalBasis: string | null;
          conditions: string | null;
          automatic?: boolean;
          final?: boolean;
        }) | null;
        extension: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          reason: string;
          extendWd: number;
        }) | null;
      }) | null;
      urgedCount: number;
      grant: ({
        id: string;
        /** @enum {string} */
        state: "active" | "expired" | "revoked";
        fields: string[];
        conditions: string | null;
        grantedAt: string;
        expiresAt: string;
        expiresDate: string;
        revokedAt: string | null;
        revokedReason: string | null;
      }) | null;
      submittedBy: string;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("approve" | "reject" | "request_supplement" | "extend" | "supplement" | "withdraw" | "urge" | "renew" | "revoke" | "object" | "credential")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    IndicatorSetInput: {
      version: string;
      title: string;
      grades: {
        excellent: number;
        good: number;
        pass: number;
      };
      indicators: ({
          code: string;
          name: string;
          weight: number;
          floor: number | null;
          /** @enum {string|null} */
          metric: "catalog" | "freshness" | "share" | "objection" | "open" | "correction" | null;
          description?: string;
        })[];
    };
    AssessmentCycleInput: {
      year: number;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "notice" | "final" | "closed";
      indicatorsVersion: string;
      indicators: components["schemas"]["IndicatorSetInput"];
      agencyCount: number;
      counts: {
        [key: string]: number;
      };
      pending: {
        unreviewed: number;
        pendingAppeals: number;
      };
      overdue: boolean;
      overdueAgencies: number;
      stages: {
        selfAssessment: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        };
        review: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        };
        notice: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        } | null;
      };
      publishedAt: {
        preliminary: string | null;
        final: string | null;
      };
      rectifying: number;
      startedBy: {
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      };
      startedAt: string;
      closedAt: string | null;
      updatedAt: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("publish_preliminary" | "publish_final")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    AgencyAssessmentInput: {
      year: number;
      agencyCode: string;
      agencyName: string;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "reviewed" | "notice" | "rectification" | "closed";
      overdue: boolean;
      overdueStages: string[];
      metrics: ({
        [key: string]: {
          /** @enum {string} */
          source: "catalog" | "freshness" | "share" | "objection" | "open" | "correction";
          applicable: boolean;
          total: number;
          ok: number;
          overdue: number | null;
          ratio: number | null;
          systemScore: number | null;
          note: string;
        };
      }) | null;
      applicable: string[];
      indicators?: components["schemas"]["IndicatorSetInput"];
      stages: {
        selfAssessment: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        review: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        notice: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
        } | null;
        rectificationPlan: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        rectificationCompletion: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
        } | null;
      };
      selfAssessment: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        value: {
            indicator: string;
            score: number;
            evidence?: string;
            comment?: string;
          }[];
      }) | null;
      selfAssessmentMissed: boolean;
      assessor: ({
        id: string;
        name: string | null;
        assignedBy: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      review: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        value: {
            indicator: string;
            score: number;
            evidence?: string;
            comment?: string;
          }[];
      }) | null;
      scores: {
          indicator: string;
          score: number;
          weight: number;
          belowFloor: boolean;
        }[] | null;
      /** @enum {string|null} */
      resultStage: "preliminary" | "final" | null;
      total: number | null;
      grade: string | null;
      /** @enum {string|null} */
      gradeCode: "excellent" | "good" | "pass" | "fail" | null;
      rank: number | null;
      appeal: ({
        text: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        answer: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          value: {
            text: string;
            revised: {
                indicator: string;
                score: number;
                evidence?: string;
                comment?: string;
              }[];
          };
        }) | null;
      }) | null;
      rectification: ({
        /** @enum {string} */
        state: "awaiting_plan" | "in_progress" | "awaiting_verification" | "verified";
        reasons: string[];
        plan: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          value: string;
        }) | null;
        reports: ({
            by: {
              id: string;
              name?: string | null;
              role: string;
              agency?: string | null;
            };
            at: string;
            value: string;
          })[];
        verifications: ({
            by: {
              id: string;
              name?: string | null;
              role: string;
              agency?: string | null;
            };
            at: string;
            value: {
              passed: boolean;
              note: string | null;
            };
          })[];
      }) | null;
      updatedAt: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("assign_assessor" | "self_assessment" | "review" | "appeal" | "answer_appeal" | "rectification_plan" | "rectification_report" | "verify_rectification")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    CalendarPublicationInput: {
      id: string;
      year: number;
      /**
       * @description running: cases are being told; done: every open case with a deadline has heard; abandoned: its workflow was ended by hand (publish the year again)
       * @enum {string}
       */
      state: "running" | "done" | "abandoned";
      /** @description Open cases with a deadline when the job started */
      total: number;
      /**
       * @description open: telling every open case with a deadline; opened_since: telling once more the cases opened around the publication
       * @enum {string}
       */
      pass: "open" | "opened_since";
      /** @description Cases the first pass has told */
      told: number;
      /** @description Cases whose process ended before they could be told */
      gone: number;
      /** @description Cases opened around the publication that the second pass told once more */
      retold: number;
      /** @description Cases of the current page whose signal failed and is being retried */
      retrying: number;
      publishedBy: string;
      startedAt: string;
      finishedAt: string | null;
    };
    ResourceInput: {
      id: string;
      code: string;
      name: string;
      providerAgency: string;
      description: string | null;
      fields: {
          name: string;
          type?: string;
          personal?: boolean;
        }[];
      /** @enum {string} */
      shareType: "unconditional" | "conditional" | "not_shared";
      /** @enum {string} */
      openType: "unconditional" | "conditional" | "not_open";
      legalBasis: string | null;
      shareConditions: string | null;
      openConditions: string | null;
      /** @enum {string} */
      updateCycle: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
      lastDataUpdateAt: string | null;
      /** @enum {string} */
      freshness: "fresh" | "due" | "overdue" | "delinquent";
      disputed: boolean;
      createdAt: string;
      updatedAt: string;
    };
    CorrectionInput: {
      id: string;
      /** @enum {string} */
      state: "forwarding" | "verifying" | "corrected" | "no_change" | "transferred";
      overdue: boolean;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      providerAgency: string;
      assignedAgency: string;
      recordRef: string;
      field: string | null;
      currentValue: string | null;
      claimedValue: string | null;
      description: string;
      evidence: string | null;
      reporterId: string;
      reporterAgency: string | null;
      verifyDueAt: string | null;
      verifyDueDate: string | null;
      /** @description the bureau's deadline to route a returned report by hand (correction.forwardWd) */
      forwardDueAt: string | null;
      forwardDueDate: string | null;
      /** @description the last return to the bureau by a verifying agency that found the data not its own */
      returned: ({
        agency: string;
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      extension: ({
        approvedBy: string;
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      outcome: ({
        /** @enum {string} */
        outcome: "corrected" | "no_change" | "transferred";
        note: string;
        transferTo: string | null;
        transferredCorrectionId: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      transferredFrom: string | null;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("extend" | "verify" | "return" | "forward")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    OpenDataRequestInput: {
      id: string;
      /** @enum {string} */
      state: "formal_check" | "returned" | "provider_review" | "awaiting_agreement" | "active" | "suspended" | "rejected" | "lapsed" | "revoked" | "expired";
      overdue: boolean;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      providerAgency: string;
      fields: string[];
      requester: {
        kind: string;
        name: string;
        /** @description masked */
        identifier: string;
        contact: string;
      };
      purpose: string;
      scenario: string;
      periodMonths: number;
      securityMeasures: string;
      formalCheckDueAt: string | null;
      formalCheckDueDate: string | null;
      reviewDueAt: string | null;
      reviewDueDate: string | null;
      agreementDueAt: string | null;
      agreementDueDate: string | null;
      nextReportDueAt: string | null;
      nextReportDueDate: string | null;
      graceDueDate: string | null;
      returnedReasons: string[] | null;
      decision: ({
        decision: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string | null;
        conditions: string | null;
        legalBasis?: string | null;
      }) | null;
      agreementVersion: number | null;
      agreementText?: string;
      signature: ({
        version: number;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      activatedAt: string | null;
      expiresAt: string | null;
      expiresDate: string | null;
      reports: ({
          seq: number;
          period: string;
          summary: string;
          outcomes: string | null;
          at: string;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
        })[];
      warnings: number;
      revocation: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string;
      }) | null;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description shown once, in the answer to the signed agreement */
      credential?: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("formal_check" | "resubmit" | "approve" | "reject" | "sign" | "report_usage" | "revoke" | "credential")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    NotificationInput: {
      id: string;
      /** @enum {string} */
      audience: "user" | "agency" | "bureau";
      recipient: string | null;
      caseType: string;
      caseId: string;
      kind: string;
      title: string;
      body: string | null;
      createdAt: string;
      readAt: string | null;
    };
    ObjectionInput: {
      id: string;
      applicationId: string;
      /** @enum {string} */
      state: "negotiating" | "coordinating" | "escalated" | "resolved";
      overdue: boolean;
      applicantAgency: string;
      providerAgency: string;
      resourceCode: string;
      resourceName: string;
      refusal: {
        reason: string | null;
        legalBasis: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        automatic: boolean;
      };
      statement: string;
      dutyBasis: string | null;
      filedBy: {
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      };
      filedAt: string;
      coordinator: ({
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      }) | null;
      negotiationDueAt: string | null;
      negotiationDueDate: string | null;
      statementDueAt: string | null;
      statementDueDate: string | null;
      coordinationDueAt: string | null;
      coordinationDueDate: string | null;
      deadlineProvisional: boolean;
      statements: ({
          seq: number;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          /** @enum {string} */
          party: "applicant" | "provider";
          text: string;
          at: string;
        })[];
      minutes: ({
          seq: number;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          text: string;
          heldAt: string;
          at: string;
        })[];
      escalation: ({
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        automatic: boolean;
      }) | null;
      ruling: ({
        /** @enum {string} */
        outcome: "share" | "conditional_share" | "uphold_refusal";
        reasoning: string;
        conditions: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        /** @enum {string} */
        stage: "negotiation" | "coordination" | "government";
        documentRef: string | null;
      }) | null;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("settle" | "assign" | "statement" | "minutes" | "rule" | "escalate" | "government_decision")[];
      timeline?: components["schemas"]["AuditEventInput"][];
    };
    ScheduleInput: {
      /** @enum {string} */
      scheduleId: "freshness-daily" | "assessment-annual" | "audit-checkpoint-hourly";
      /** @description false until a worker has created it at start-up */
      exists: boolean;
      /** @description the calendar's comment, e.g. 'daily at 01:00' */
      description: string | null;
      timezone: string | null;
      paused: boolean;
      note: string | null;
      nextRunAt: string | null;
      nextRuns: string[];
      /** @description assessment-annual only: the year its next run assesses */
      nextYearAssessed: number | null;
      recentRuns: {
          scheduledAt: string;
          startedAt: string;
          workflowId: string;
        }[];
    };
    StatisticsInput: {
      scope: {
        agency: string | null;
      };
      from: string;
      to: string;
      processes: ({
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          total: number;
          overdue: number;
          byState: {
              state: string;
              count: number;
            }[];
          /** @description cases the responding agency answered in the period */
          decided: number;
          /** @description median working days from submission to the answer */
          medianReviewWd: number | null;
        })[];
      overdueByAgency: ({
          agency: string;
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          count: number;
        })[];
      monthly: ({
          month: string;
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          submitted: number;
          decided: number;
          overdue: number;
        })[];
    };
    WorkItemInput: {
      /** @enum {string} */
      process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
      caseId: string;
      state: string;
      title: string;
      resourceName: string | null;
      /** @description the agency whose answer the case waits on (the provider, the verifying or assessed agency) */
      agency: string | null;
      /** @description every agency party to the case */
      agencies: string[];
      dueDate: string | null;
      dueAt: string | null;
      /** @description working days after today up to the deadline; negative: working days overdue */
      workingDaysLeft: number | null;
      /** @description at most policy.remindWd working days left */
      dueSoon: boolean;
      overdue: boolean;
      openedAt: string;
      /** @description done: when the caller last acted on the case */
      actedAt: string | null;
      /** @description what the caller may do on the case now */
      actions: string[];
    };
    /** @description The chain's head, signed with the audit key */
    AuditCheckpointInput: {
      lastId: number;
      lastHash: string;
      at: string;
      signature: string;
    };
    AssessmentCycleSummaryInput: {
      year: number;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "notice" | "final" | "closed";
      agencyCount: number;
      indicatorsVersion: string;
      startedAt: string;
      publishedAt: {
        preliminary: string | null;
        final: string | null;
      };
      closedAt: string | null;
    };
    /** @description RFC 9457 problem details */
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: string;
      instance?: string;
      state?: string;
      caseId?: string;
      errors?: {
          path: string;
          message: string;
        }[];
    };
    Agency: {
      code: string;
      name: string;
      /** @enum {string} */
      level: "municipal" | "county";
      region: string | null;
      createdAt: string;
    };
    AuditEvent: {
      id: number;
      action: string;
      fromState: string | null;
      toState: string | null;
      actorId: string;
      actorName: string | null;
      actorRole: string;
      actorAgency: string | null;
      at: string;
      reason: string | null;
      legalBasis: string | null;
      data: {
        [key: string]: unknown;
      } | null;
      hash: string;
      prevHash: string;
    };
    ShareApplication: {
      id: string;
      /** @enum {string} */
      state: "pending_review" | "awaiting_supplement" | "granted" | "rejected" | "in_objection" | "withdrawn" | "closed" | "expired" | "revoked";
      overdue: boolean;
      applicantAgency: string;
      providerAgency: string;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      shareType: string;
      fields: string[];
      purpose: string;
      dutyBasis: string;
      usageScope: string;
      periodMonths: number;
      /** @enum {string} */
      deliveryMethod: "api" | "batch" | "file" | "verification";
      securityMeasures: string | null;
      reviewDueAt: string | null;
      reviewDueDate: string | null;
      supplementDueAt: string | null;
      supplementDueDate: string | null;
      objectionDueAt: string | null;
      objectionDueDate: string | null;
      deadlineProvisional: boolean;
      missing: string[] | null;
      decision: ({
        decision: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string | null;
        legalBasis: string | null;
        conditions: string | null;
        automatic?: boolean;
        final?: boolean;
      }) | null;
      extension: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string;
        extendWd: number;
      }) | null;
      supplements: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          note: string;
          missing: string[];
          changes: {
            [key: string]: string;
          };
        })[];
      renewal: ({
        state: string;
        periodMonths: number;
        reason: string;
        requestedBy: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        requestedAt: string;
        reviewDueAt: string | null;
        reviewDueDate: string | null;
        overdue: boolean;
        decision: ({
          decision: string;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          reason: string | null;
          legalBasis: string | null;
          conditions: string | null;
          automatic?: boolean;
          final?: boolean;
        }) | null;
        extension: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          reason: string;
          extendWd: number;
        }) | null;
      }) | null;
      urgedCount: number;
      grant: ({
        id: string;
        /** @enum {string} */
        state: "active" | "expired" | "revoked";
        fields: string[];
        conditions: string | null;
        grantedAt: string;
        expiresAt: string;
        expiresDate: string;
        revokedAt: string | null;
        revokedReason: string | null;
      }) | null;
      submittedBy: string;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("approve" | "reject" | "request_supplement" | "extend" | "supplement" | "withdraw" | "urge" | "renew" | "revoke" | "object" | "credential")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    IndicatorSet: {
      version: string;
      title: string;
      grades: {
        excellent: number;
        good: number;
        pass: number;
      };
      indicators: ({
          code: string;
          name: string;
          weight: number;
          floor: number | null;
          /** @enum {string|null} */
          metric: "catalog" | "freshness" | "share" | "objection" | "open" | "correction" | null;
          description?: string;
        })[];
    };
    AssessmentCycle: {
      year: number;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "notice" | "final" | "closed";
      indicatorsVersion: string;
      indicators: components["schemas"]["IndicatorSet"];
      agencyCount: number;
      counts: {
        [key: string]: number;
      };
      pending: {
        unreviewed: number;
        pendingAppeals: number;
      };
      overdue: boolean;
      overdueAgencies: number;
      stages: {
        selfAssessment: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        };
        review: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        };
        notice: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
        } | null;
      };
      publishedAt: {
        preliminary: string | null;
        final: string | null;
      };
      rectifying: number;
      startedBy: {
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      };
      startedAt: string;
      closedAt: string | null;
      updatedAt: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("publish_preliminary" | "publish_final")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    AgencyAssessment: {
      year: number;
      agencyCode: string;
      agencyName: string;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "reviewed" | "notice" | "rectification" | "closed";
      overdue: boolean;
      overdueStages: string[];
      metrics: ({
        [key: string]: {
          /** @enum {string} */
          source: "catalog" | "freshness" | "share" | "objection" | "open" | "correction";
          applicable: boolean;
          total: number;
          ok: number;
          overdue: number | null;
          ratio: number | null;
          systemScore: number | null;
          note: string;
        };
      }) | null;
      applicable: string[];
      indicators?: components["schemas"]["IndicatorSet"];
      stages: {
        selfAssessment: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        review: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        notice: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
        } | null;
        rectificationPlan: ({
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
          submittedAt: string | null;
        }) | null;
        rectificationCompletion: {
          dueDate: string;
          dueAt: string;
          provisional: boolean;
          overdue: boolean;
        } | null;
      };
      selfAssessment: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        value: {
            indicator: string;
            score: number;
            evidence?: string;
            comment?: string;
          }[];
      }) | null;
      selfAssessmentMissed: boolean;
      assessor: ({
        id: string;
        name: string | null;
        assignedBy: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      review: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        value: {
            indicator: string;
            score: number;
            evidence?: string;
            comment?: string;
          }[];
      }) | null;
      scores: {
          indicator: string;
          score: number;
          weight: number;
          belowFloor: boolean;
        }[] | null;
      /** @enum {string|null} */
      resultStage: "preliminary" | "final" | null;
      total: number | null;
      grade: string | null;
      /** @enum {string|null} */
      gradeCode: "excellent" | "good" | "pass" | "fail" | null;
      rank: number | null;
      appeal: ({
        text: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        answer: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          value: {
            text: string;
            revised: {
                indicator: string;
                score: number;
                evidence?: string;
                comment?: string;
              }[];
          };
        }) | null;
      }) | null;
      rectification: ({
        /** @enum {string} */
        state: "awaiting_plan" | "in_progress" | "awaiting_verification" | "verified";
        reasons: string[];
        plan: ({
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          at: string;
          value: string;
        }) | null;
        reports: ({
            by: {
              id: string;
              name?: string | null;
              role: string;
              agency?: string | null;
            };
            at: string;
            value: string;
          })[];
        verifications: ({
            by: {
              id: string;
              name?: string | null;
              role: string;
              agency?: string | null;
            };
            at: string;
            value: {
              passed: boolean;
              note: string | null;
            };
          })[];
      }) | null;
      updatedAt: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("assign_assessor" | "self_assessment" | "review" | "appeal" | "answer_appeal" | "rectification_plan" | "rectification_report" | "verify_rectification")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    CalendarPublication: {
      id: string;
      year: number;
      /**
       * @description running: cases are being told; done: every open case with a deadline has heard; abandoned: its workflow was ended by hand (publish the year again)
       * @enum {string}
       */
      state: "running" | "done" | "abandoned";
      /** @description Open cases with a deadline when the job started */
      total: number;
      /**
       * @description open: telling every open case with a deadline; opened_since: telling once more the cases opened around the publication
       * @enum {string}
       */
      pass: "open" | "opened_since";
      /** @description Cases the first pass has told */
      told: number;
      /** @description Cases whose process ended before they could be told */
      gone: number;
      /** @description Cases opened around the publication that the second pass told once more */
      retold: number;
      /** @description Cases of the current page whose signal failed and is being retried */
      retrying: number;
      publishedBy: string;
      startedAt: string;
      finishedAt: string | null;
    };
    Resource: {
      id: string;
      code: string;
      name: string;
      providerAgency: string;
      description: string | null;
      fields: {
          name: string;
          type?: string;
          personal?: boolean;
        }[];
      /** @enum {string} */
      shareType: "unconditional" | "conditional" | "not_shared";
      /** @enum {string} */
      openType: "unconditional" | "conditional" | "not_open";
      legalBasis: string | null;
      shareConditions: string | null;
      openConditions: string | null;
      /** @enum {string} */
      updateCycle: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
      lastDataUpdateAt: string | null;
      /** @enum {string} */
      freshness: "fresh" | "due" | "overdue" | "delinquent";
      disputed: boolean;
      createdAt: string;
      updatedAt: string;
    };
    Correction: {
      id: string;
      /** @enum {string} */
      state: "forwarding" | "verifying" | "corrected" | "no_change" | "transferred";
      overdue: boolean;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      providerAgency: string;
      assignedAgency: string;
      recordRef: string;
      field: string | null;
      currentValue: string | null;
      claimedValue: string | null;
      description: string;
      evidence: string | null;
      reporterId: string;
      reporterAgency: string | null;
      verifyDueAt: string | null;
      verifyDueDate: string | null;
      /** @description the bureau's deadline to route a returned report by hand (correction.forwardWd) */
      forwardDueAt: string | null;
      forwardDueDate: string | null;
      /** @description the last return to the bureau by a verifying agency that found the data not its own */
      returned: ({
        agency: string;
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      extension: ({
        approvedBy: string;
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      outcome: ({
        /** @enum {string} */
        outcome: "corrected" | "no_change" | "transferred";
        note: string;
        transferTo: string | null;
        transferredCorrectionId: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      transferredFrom: string | null;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("extend" | "verify" | "return" | "forward")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    OpenDataRequest: {
      id: string;
      /** @enum {string} */
      state: "formal_check" | "returned" | "provider_review" | "awaiting_agreement" | "active" | "suspended" | "rejected" | "lapsed" | "revoked" | "expired";
      overdue: boolean;
      resourceId: string;
      resourceCode: string;
      resourceName: string;
      providerAgency: string;
      fields: string[];
      requester: {
        kind: string;
        name: string;
        /** @description masked */
        identifier: string;
        contact: string;
      };
      purpose: string;
      scenario: string;
      periodMonths: number;
      securityMeasures: string;
      formalCheckDueAt: string | null;
      formalCheckDueDate: string | null;
      reviewDueAt: string | null;
      reviewDueDate: string | null;
      agreementDueAt: string | null;
      agreementDueDate: string | null;
      nextReportDueAt: string | null;
      nextReportDueDate: string | null;
      graceDueDate: string | null;
      returnedReasons: string[] | null;
      decision: ({
        decision: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string | null;
        conditions: string | null;
        legalBasis?: string | null;
      }) | null;
      agreementVersion: number | null;
      agreementText?: string;
      signature: ({
        version: number;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
      }) | null;
      activatedAt: string | null;
      expiresAt: string | null;
      expiresDate: string | null;
      reports: ({
          seq: number;
          period: string;
          summary: string;
          outcomes: string | null;
          at: string;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
        })[];
      warnings: number;
      revocation: ({
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        reason: string;
      }) | null;
      submittedAt: string;
      updatedAt: string;
      version: number;
      /** @description shown once, in the answer to the signed agreement */
      credential?: string;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("formal_check" | "resubmit" | "approve" | "reject" | "sign" | "report_usage" | "revoke" | "credential")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    Notification: {
      id: string;
      /** @enum {string} */
      audience: "user" | "agency" | "bureau";
      recipient: string | null;
      caseType: string;
      caseId: string;
      kind: string;
      title: string;
      body: string | null;
      createdAt: string;
      readAt: string | null;
    };
    Objection: {
      id: string;
      applicationId: string;
      /** @enum {string} */
      state: "negotiating" | "coordinating" | "escalated" | "resolved";
      overdue: boolean;
      applicantAgency: string;
      providerAgency: string;
      resourceCode: string;
      resourceName: string;
      refusal: {
        reason: string | null;
        legalBasis: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        automatic: boolean;
      };
      statement: string;
      dutyBasis: string | null;
      filedBy: {
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      };
      filedAt: string;
      coordinator: ({
        id: string;
        name?: string | null;
        role: string;
        agency?: string | null;
      }) | null;
      negotiationDueAt: string | null;
      negotiationDueDate: string | null;
      statementDueAt: string | null;
      statementDueDate: string | null;
      coordinationDueAt: string | null;
      coordinationDueDate: string | null;
      deadlineProvisional: boolean;
      statements: ({
          seq: number;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          /** @enum {string} */
          party: "applicant" | "provider";
          text: string;
          at: string;
        })[];
      minutes: ({
          seq: number;
          by: {
            id: string;
            name?: string | null;
            role: string;
            agency?: string | null;
          };
          text: string;
          heldAt: string;
          at: string;
        })[];
      escalation: ({
        reason: string;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        automatic: boolean;
      }) | null;
      ruling: ({
        /** @enum {string} */
        outcome: "share" | "conditional_share" | "uphold_refusal";
        reasoning: string;
        conditions: string | null;
        by: {
          id: string;
          name?: string | null;
          role: string;
          agency?: string | null;
        };
        at: string;
        /** @enum {string} */
        stage: "negotiation" | "coordination" | "government";
        documentRef: string | null;
      }) | null;
      updatedAt: string;
      version: number;
      /** @description What the caller may do on the case now, in the words of the endpoints; empty: nothing for you now */
      actions: ("settle" | "assign" | "statement" | "minutes" | "rule" | "escalate" | "government_decision")[];
      timeline?: components["schemas"]["AuditEvent"][];
    };
    Schedule: {
      /** @enum {string} */
      scheduleId: "freshness-daily" | "assessment-annual" | "audit-checkpoint-hourly";
      /** @description false until a worker has created it at start-up */
      exists: boolean;
      /** @description the calendar's comment, e.g. 'daily at 01:00' */
      description: string | null;
      timezone: string | null;
      paused: boolean;
      note: string | null;
      nextRunAt: string | null;
      nextRuns: string[];
      /** @description assessment-annual only: the year its next run assesses */
      nextYearAssessed: number | null;
      recentRuns: {
          scheduledAt: string;
          startedAt: string;
          workflowId: string;
        }[];
    };
    Statistics: {
      scope: {
        agency: string | null;
      };
      from: string;
      to: string;
      processes: ({
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          total: number;
          overdue: number;
          byState: {
              state: string;
              count: number;
            }[];
          /** @description cases the responding agency answered in the period */
          decided: number;
          /** @description median working days from submission to the answer */
          medianReviewWd: number | null;
        })[];
      overdueByAgency: ({
          agency: string;
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          count: number;
        })[];
      monthly: ({
          month: string;
          /** @enum {string} */
          process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
          submitted: number;
          decided: number;
          overdue: number;
        })[];
    };
    WorkItem: {
      /** @enum {string} */
      process: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
      caseId: string;
      state: string;
      title: string;
      resourceName: string | null;
      /** @description the agency whose answer the case waits on (the provider, the verifying or assessed agency) */
      agency: string | null;
      /** @description every agency party to the case */
      agencies: string[];
      dueDate: string | null;
      dueAt: string | null;
      /** @description working days after today up to the deadline; negative: working days overdue */
      workingDaysLeft: number | null;
      /** @description at most policy.remindWd working days left */
      dueSoon: boolean;
      overdue: boolean;
      openedAt: string;
      /** @description done: when the caller last acted on the case */
      actedAt: string | null;
      /** @description what the caller may do on the case now */
      actions: string[];
    };
    /** @description The chain's head, signed with the audit key */
    AuditCheckpoint: {
      lastId: number;
      lastHash: string;
      at: string;
      signature: string;
    };
    AssessmentCycleSummary: {
      year: number;
      /** @enum {string} */
      state: "collecting" | "self_assessment" | "review" | "notice" | "final" | "closed";
      agencyCount: number;
      indicatorsVersion: string;
      startedAt: string;
      publishedAt: {
        preliminary: string | null;
        final: string | null;
      };
      closedAt: string | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export interface operations {

  /** Liveness: the process answers */
  health: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            /** @enum {string} */
            status: "ok";
          };
        };
      };
    };
  };
  /** Readiness: PostgreSQL and Temporal answer within 3 s, or which one does not */
  ready: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            status: string;
            database: {
              ok: boolean;
              error?: string;
            };
            temporal: {
              ok: boolean;
              error?: string;
            };
          };
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/json": {
            status: string;
            database: {
              ok: boolean;
              error?: string;
            };
            temporal: {
              ok: boolean;
              error?: string;
            };
          };
        };
      };
    };
  };
  /** How this deployment signs people in (dev tokens or the identity provider's JWT), who the caller is, and the policy the console shows */
  getSession: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            /** @enum {string} */
            authMode: "dev" | "jwt";
            principal: ({
              sub: string;
              roles: ("agency_staff" | "agency_reviewer" | "bureau_coordinator" | "bureau_admin" | "assessor" | "public" | "gateway")[];
              agency: string | null;
              name: string | null;
            }) | null;
            remindWd: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Mint a development token (AUTH_MODE=dev only) */
  createDevToken: {
    requestBody: {
      content: {
        "application/json": {
          sub: string;
          roles: ("agency_staff" | "agency_reviewer" | "bureau_coordinator" | "bureau_admin" | "assessor" | "public" | "gateway")[];
          agency?: string;
          name?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            token: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The registered agencies for the console's development sign-in (AUTH_MODE=dev only) */
  listDevSignInAgencies: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: {
                code: string;
                name: string;
              }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The registered agencies, by code */
  listAgencies: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Agency"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Register an agency (公共管理和服务机构) */
  createAgency: {
    requestBody: {
      content: {
        "application/json": {
          code: string;
          name: string;
          /** @enum {string} */
          level: "municipal" | "county";
          region?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["Agency"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The public-data catalog (公共数据资源目录), filtered by provider, share and open type, freshness */
  listResources: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        provider?: string;
        shareType?: "unconditional" | "conditional" | "not_shared";
        openType?: "unconditional" | "conditional" | "not_open";
        freshness?: "fresh" | "due" | "overdue" | "delinquent";
        /** @description part of the name, code or description */
        q?: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Resource"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Add a resource to the public-data catalog (公共数据资源目录) */
  createResource: {
    requestBody: {
      content: {
        "application/json": {
          code: string;
          name: string;
          providerAgency: string;
          description?: string;
          fields: {
              name: string;
              type?: string;
              personal?: boolean;
            }[];
          /** @enum {string} */
          shareType: "unconditional" | "conditional" | "not_shared";
          /** @enum {string} */
          openType: "unconditional" | "conditional" | "not_open";
          legalBasis?: string;
          shareConditions?: string;
          openConditions?: string;
          /** @enum {string} */
          updateCycle: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "yearly";
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["Resource"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One catalog resource with its fields, share and open type and freshness */
  getResource: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Resource"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Record that the provider updated the data (feeds freshness, P6) */
  recordDataUpdate: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: date-time */
          at?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            id: string;
            resourceId: string;
            at: string;
            resource: components["schemas"]["Resource"];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The date N working days (工作日) after a date; the date itself is not counted */
  addWorkingDays: {
    parameters: {
      query: {
        from: string;
        days: number;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            from: string;
            days: number;
            due: string;
            dueAt: string;
            provisional: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A year's holidays and make-up days in force, and their source (none: weekends alone, provisional) */
  getCalendarYear: {
    parameters: {
      path: {
        year: number;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            year: number;
            holidays: string[];
            workdays: string[];
            /** @enum {string} */
            source: "builtin" | "uploaded" | "none";
            uploadedBy?: string;
            uploadedAt?: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Publish a year's holidays and make-up working days (from the State Council notice) */
  putCalendarYear: {
    parameters: {
      path: {
        year: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          holidays: string[];
          workdays: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            year: number;
            holidays: string[];
            workdays: string[];
            uploadedBy: string;
            uploadedAt: string;
            publication: components["schemas"]["CalendarPublication"];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The progress of a calendar publication job: how many open cases have heard of the published year */
  getCalendarPublication: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["CalendarPublication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Applications the caller may see, newest first (parties see their own; the bureau sees all) */
  listShareApplications: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        state?: "pending_review" | "awaiting_supplement" | "granted" | "rejected" | "in_objection" | "withdrawn" | "closed" | "expired" | "revoked";
        applicant?: string;
        provider?: string;
        resourceId?: string;
        overdue?: "true" | "false";
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["ShareApplication"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Apply for another agency's resource (共享申请) */
  submitShareApplication: {
    parameters: {
      header?: {
        "idempotency-key"?: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          resourceId: string;
          fields?: string[];
          purpose: string;
          dutyBasis: string;
          usageScope: string;
          periodMonths: number;
          /** @enum {string} */
          deliveryMethod: "api" | "batch" | "file" | "verification";
          securityMeasures?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One share application with its timeline and the caller’s actions */
  getShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The provider's decision: approve, reject (reason and legal basis), request a supplement, or extend once */
  decideShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          decision: "approve" | "reject" | "request_supplement" | "extend";
          reason?: string;
          legalBasis?: string;
          conditions?: string;
          fields?: string[];
          periodMonths?: number;
          missing?: string[];
          extendWd?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The applicant supplements what the provider listed as missing (补正) */
  supplementShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          note: string;
          purpose?: string;
          dutyBasis?: string;
          usageScope?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The applicant withdraws an undecided application */
  withdrawShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The bureau urges the provider (催办) */
  urgeShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The applicant asks to renew a live grant (续期) */
  renewShareApplication: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          periodMonths: number;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The provider or the bureau revokes a grant, with a reason */
  revokeShareGrant: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["ShareApplication"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Object to a refusal within the objection window (不予共享异议); starts the objection process */
  objectToRefusal: {
    parameters: {
      header?: {
        "idempotency-key"?: string;
      };
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          statement: string;
          dutyBasis?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Issue (or rotate) the access credential of a live grant; shown only in this answer */
  issueShareCredential: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            credential: string;
            expiresAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Objections: the bureau sees all, parties their own */
  listObjections: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        state?: "negotiating" | "coordinating" | "escalated" | "resolved";
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Objection"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One objection (异议协商) with its statements, minutes, ruling and timeline */
  getObjection: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The case dossier (卷宗) as a printable zh-CN HTML page */
  getObjectionDossier: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description The dossier (卷宗), a printable zh-CN HTML page */
      200: {
        content: {
          "text/html; charset=utf-8": string;
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The provider agrees to share during negotiation */
  settleObjection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          outcome: "share" | "conditional_share";
          conditions?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The bureau takes the case (coordination); default coordinator: the caller */
  assignObjection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          coordinator?: string;
          coordinatorName?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A party adds a statement to an open objection */
  addObjectionStatement: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          text: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The assigned coordinator records the minutes of a consultation */
  addObjectionMinutes: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          text: string;
          /** Format: date-time */
          heldAt: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The assigned coordinator rules on the objection, with reasoning */
  ruleObjection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          outcome: "share" | "conditional_share" | "uphold_refusal";
          reasoning: string;
          conditions?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Refer to the municipal government (市人民政府统筹协调) */
  escalateObjection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A bureau admin records the municipal government’s decision (市人民政府统筹协调) */
  recordGovernmentDecision: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          outcome: "share" | "conditional_share" | "uphold_refusal";
          reasoning: string;
          conditions?: string;
          documentRef?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Objection"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Open-data requests the caller may see, newest first */
  listOpenDataRequests: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        state?: "formal_check" | "returned" | "provider_review" | "awaiting_agreement" | "active" | "suspended" | "rejected" | "lapsed" | "revoked" | "expired";
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["OpenDataRequest"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Ask for a conditionally-open dataset (有条件开放申请) */
  submitOpenDataRequest: {
    parameters: {
      header?: {
        "idempotency-key"?: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          resourceId: string;
          fields?: string[];
          requester: OneOf<[{
            /** @enum {string} */
            kind: "person";
            name: string;
            /** @description 居民身份证号码 (GB 11643-1999), 18 characters, check character 0-9 or X */
            idNumber: string;
            contact: string;
          }, {
            /** @enum {string} */
            kind: "organization";
            name: string;
            /** @description 统一社会信用代码 (GB 32100-2015), 18 characters */
            creditCode: string;
            contact: string;
          }]>;
          purpose: string;
          scenario: string;
          periodMonths: number;
          securityMeasures: string;
          /** @enum {boolean} */
          commitmentAccepted: true;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Issue a new access credential for active access (the old one stops working); shown only in this answer */
  rotateOpenDataCredential: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            credential: string;
            expiresAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One conditional open-data request (有条件开放申请) with its timeline */
  getOpenDataRequest: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The bureau’s formal check: accept the request or return it with reasons */
  formalCheckOpenDataRequest: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          passed: boolean;
          reasons?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The requester corrects a returned request */
  resubmitOpenDataRequest: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          fields?: string[];
          purpose?: string;
          scenario?: string;
          periodMonths?: number;
          securityMeasures?: string;
          contact?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The provider approves (with conditions) or rejects, with reasons and legal basis */
  decideOpenDataRequest: {
    parameters: {
      path: {
        id: string;
      };
    };
    /** @description A rejection gives its reasons: checkOpenDecision (rules.ts) answers 400 without them */
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          decision: "approve" | "reject";
          reason?: string;
          /** @description For reject: the rule the refusal rests on (the catalog entry's when omitted) */
          legalBasis?: string;
          conditions?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Sign the data-use agreement; the answer carries the access credential, shown only here */
  signOpenDataAgreement: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          agreementVersion: number;
          /** @enum {boolean} */
          accepted: true;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The requester reports how the data was used (利用情况、成果) */
  reportOpenDataUsage: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          period: string;
          summary: string;
          outcomes?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The provider or the bureau revokes open-data access, with a reason */
  revokeOpenDataAccess: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["OpenDataRequest"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The use agreement in force (公共数据开放利用协议) */
  getCurrentAgreement: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            version: number;
            title: string;
            body: string;
            publishedAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Publish a new version of the open-data use agreement (公共数据开放利用协议) */
  publishAgreement: {
    requestBody: {
      content: {
        "application/json": {
          title: string;
          body: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            version: number;
            title: string;
            body: string;
            publishedAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Is this credential live, and for what? (RFC 7662 style; role gateway) */
  introspectCredential: {
    requestBody: {
      content: {
        "application/json": {
          credential: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            active: boolean;
            resourceId?: string;
            fields?: string[];
            expiresAt?: string;
            holder?: string;
            kind?: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A case's audit events in order, each with its hash and the previous event's hash (or a reference item's: agency:CODE, catalog:ID, data-update:ID, calendar:YEAR, agreement:VERSION, indicators:VERSION, policy:DIGEST) */
  listAuditEvents: {
    parameters: {
      query: {
        caseId: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["AuditEvent"][];
            /** @enum {string|null} */
            nextCursor: null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Recompute the whole keyed hash chain, against the latest stored checkpoint */
  verifyAuditChain: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            ok: boolean;
            checked: number;
            firstBrokenId?: number;
            problem?: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Recompute the chain against a checkpoint kept outside the database (a cut tail is found) */
  verifyAuditChainAgainstCheckpoint: {
    requestBody: {
      content: {
        "application/json": {
          checkpoint: components["schemas"]["AuditCheckpointInput"];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            ok: boolean;
            checked: number;
            firstBrokenId?: number;
            problem?: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The newest signed checkpoint of the chain's head (written every hour) */
  getLatestAuditCheckpoint: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AuditCheckpoint"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Sign and store a checkpoint of the chain's head now (the schedule writes one every hour) */
  writeAuditCheckpoint: {
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["AuditCheckpoint"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The caller's inbox (own, own agency's, and the bureau's for bureau staff) */
  listNotifications: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        unread?: "true" | "false";
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Notification"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** How many notifications in the inbox the caller has not read */
  countUnreadNotifications: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            count: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Marks everything in the caller's inbox read */
  markAllNotificationsRead: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            marked: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Marks one of the caller’s notifications as read */
  markNotificationRead: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Notification"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Error reports (数据纠错) the caller may see, newest first */
  listCorrections: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Correction"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Report an error in published data (数据纠错) */
  reportCorrection: {
    parameters: {
      header?: {
        "idempotency-key"?: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** Format: uuid */
          resourceId: string;
          recordRef: string;
          field?: string;
          currentValue?: string;
          claimedValue?: string;
          description: string;
          evidence?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One error report with its verification and timeline */
  getCorrection: {
    parameters: {
      path: {
        id: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Return a report that is not your data, owner unknown, to the bureau to route by hand (退回大数据局) */
  returnCorrection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Route a returned report by hand to the agency that verifies it, within correction.forwardWd (bureau coordinator) */
  forwardCorrection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          agency: string;
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The verifying agency extends verification once, approved by its head */
  extendCorrection: {
    parameters: {
      path: {
        id: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          approvedBy: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The verifying agency answers: corrected, no change (with reasons) or transferred */
  verifyCorrection: {
    parameters: {
      path: {
        id: string;
      };
    };
    /** @description A transfer names the agency that owns the data: checkVerification (rules.ts) answers 400 without it */
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          outcome: "corrected" | "no_change" | "transferred";
          note: string;
          transferTo?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Correction"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The annual schedule that starts each cycle (next run, paused?) */
  getAssessmentSchedule: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            scheduleId: string;
            startsOn: string;
            startsAt: string;
            timezone: string;
            paused: boolean;
            note: string | null;
            nextRunAt: string | null;
            nextRuns: string[];
            nextYearAssessed: number | null;
            overlap: string;
            catchupWindowMs: number;
            recentRuns: {
                scheduledAt: string;
                startedAt: string;
                workflowId: string;
              }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Versions of the indicator framework (评估指标体系) */
  listIndicatorSets: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: ({
                version: string;
                title: string;
                grades: {
                  excellent: number;
                  good: number;
                  pass: number;
                };
                indicators: ({
                    code: string;
                    name: string;
                    weight: number;
                    floor: number | null;
                    /** @enum {string|null} */
                    metric: "catalog" | "freshness" | "share" | "objection" | "open" | "correction" | null;
                    description?: string;
                  })[];
                isDefault: boolean;
                createdAt: string;
              })[];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Publish a new framework version (weights, floors, grade thresholds); versions are never edited */
  createIndicatorSet: {
    requestBody: {
      content: {
        "application/json": {
          version: string;
          title: string;
          grades: {
            excellent: number;
            good: number;
            pass: number;
          };
          indicators: ({
              code: string;
              name: string;
              weight: number;
              floor: number | null;
              /** @enum {string|null} */
              metric: "catalog" | "freshness" | "share" | "objection" | "open" | "correction" | null;
              description?: string;
            })[];
          /** @default false */
          makeDefault?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": {
            version: string;
            title: string;
            grades: {
              excellent: number;
              good: number;
              pass: number;
            };
            indicators: ({
                code: string;
                name: string;
                weight: number;
                floor: number | null;
                /** @enum {string|null} */
                metric: "catalog" | "freshness" | "share" | "objection" | "open" | "correction" | null;
                description?: string;
              })[];
            isDefault: boolean;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Every year assessed, the latest first, with its state and number of agencies */
  listAssessmentCycles: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["AssessmentCycleSummary"][];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Start (or backfill) the assessment of a year now; a year runs at most once */
  startAssessmentCycle: {
    parameters: {
      header?: {
        "idempotency-key"?: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          year: number;
          indicatorsVersion?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        content: {
          "application/json": components["schemas"]["AssessmentCycle"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A year’s assessment cycle: its stages, deadlines and agencies by state */
  getAssessmentCycle: {
    parameters: {
      path: {
        year: number;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AssessmentCycle"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** A cycle's agencies (the bureau sees all; an assessor the agencies assigned to them) */
  listAgencyAssessments: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        state?: "collecting" | "self_assessment" | "review" | "reviewed" | "notice" | "rectification" | "closed";
      };
      path: {
        year: number;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["AgencyAssessment"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Published results as CSV (UTF-8), in rank order */
  exportAssessmentResults: {
    parameters: {
      path: {
        year: number;
      };
    };
    responses: {
      /** @description The published results, UTF-8 CSV in rank order */
      200: {
        content: {
          "text/csv; charset=utf-8": string;
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Assign an independent assessor (第三方评估机构) to agencies */
  assignAssessor: {
    parameters: {
      path: {
        year: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          assessor: string;
          assessorName?: string;
          agencies: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            assessor: string;
            assigned: string[];
            refused: {
                agency: string;
                code: string;
                message: string;
              }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Publish preliminary results (opens the notice period, 公示) or final results */
  publishAssessmentResults: {
    parameters: {
      path: {
        year: number;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          stage: "preliminary" | "final";
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AssessmentCycle"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** One agency’s assessment in a cycle: scores, appeal, rectification, timeline */
  getAgencyAssessment: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The agency scores itself on every applicable indicator, with evidence */
  submitSelfAssessment: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          items: {
              indicator: string;
              score: number;
              evidence: string;
            }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The assigned assessor's review */
  submitAssessmentReview: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          items: {
              indicator: string;
              score: number;
              comment: string;
            }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** Appeal the preliminary result during the notice period (公示) */
  appealAssessment: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          text: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The bureau's answer to an appeal, revising scores where it upholds it */
  answerAssessmentAppeal: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          text: string;
          /** @default [] */
          revised?: {
              indicator: string;
              score: number;
              comment?: string;
            }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The rectification (整改) plan, then the completion report */
  reportRectification: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          /** @enum {string} */
          stage: "plan" | "report";
          text: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The bureau verifies the rectification; a failed check reopens it */
  verifyRectification: {
    parameters: {
      path: {
        year: number;
        code: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          passed: boolean;
          note?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["AgencyAssessment"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      404: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      409: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      413: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      414: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      415: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** 待办: the cases awaiting the caller across all processes, by deadline (view=done: acted on, latest first; view=watching: other open cases of the caller's agency) */
  listWorkItems: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        view?: "todo" | "done" | "watching";
        process?: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
        state?: string;
        agency?: string;
        /** @description a case id, or part of the resource name */
        q?: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["WorkItem"][];
            nextCursor: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** 统计: cases by state, overdue by agency, median review time (working days) and the monthly trend; the bureau sees the city, an agency its own */
  getStatistics: {
    parameters: {
      query?: {
        /** @description first local date counted (default: the first day of the month eleven months ago) */
        from?: string;
        /** @description last local date counted (default: today) */
        to?: string;
        process?: "share-application" | "objection" | "open-data-request" | "correction" | "assessment" | "assessment-cycle";
        /** @description bureau only: one agency instead of the city */
        agency?: string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": components["schemas"]["Statistics"];
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  /** The schedules (daily freshness sweep, annual assessment, hourly audit checkpoint): next runs and paused state */
  listSchedules: {
    responses: {
      /** @description Default Response */
      200: {
        content: {
          "application/json": {
            items: components["schemas"]["Schedule"][];
          };
        };
      };
      /** @description Default Response */
      400: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      401: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      403: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      429: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Default Response */
      503: {
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
