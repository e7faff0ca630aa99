//! A small, stable knowledge for the screen tests: every question kind,
//! skip logic, items of several families, flags of every severity. The
//! shipped catalog changes with the business; these screens should not.

pub const CATALOG: &str = r#"(
    currency: "CHF",
    approvers: [
        (id: "po_cloud", name: "Product owner Cloud"),
        (id: "legal", name: "Legal"),
        (id: "tech", name: "Tech Alignment"),
    ],
    offerings: [
        (
            id: "cloud",
            name: "APPUiO Cloud",
            family: appuio_cloud,
            provider: "VSHN",
            description: "Shared OpenShift platform, billed by memory.",
            owner: "po_cloud",
            capabilities: (regions: ["Lupfig (CH)"], compliance: ["gdpr"]),
            plans: [(
                id: "flex",
                name: "Flex",
                service_level: (availability: 99.5, support_hours: office_hours, source: fact),
                prices: [(label: "Memory", recurrence: monthly, kind: PerUnit(unit: "GiB", amount: 55, units: FromAnswers(answers: [("memory_gib", 4)])), source: fact)],
            )],
            responsibilities: (provider: ["Runs the platform"], customer: ["Deploys the application"]),
        ),
        (
            id: "openshift",
            name: "Managed OpenShift",
            family: managed_openshift,
            provider: "VSHN",
            description: "A dedicated OpenShift cluster.",
            owner: "po_cloud",
            lead_time_weeks: 4,
            plans: [
                (id: "standard", name: "Standard", service_level: (availability: 99.5, support_hours: office_hours), prices: [
                    (label: "Cluster", recurrence: monthly, kind: Fixed(4000)),
                    (label: "Setup", recurrence: one_time, kind: Fixed(12000)),
                ]),
                (id: "premium", name: "Premium", service_level: (availability: 99.9, support_hours: r#24x7), prices: [
                    (label: "Cluster", recurrence: monthly, kind: Fixed(6500)),
                    (label: "Setup", recurrence: one_time, kind: Fixed(12000)),
                ]),
            ],
        ),
        (
            id: "postgres",
            name: "PostgreSQL by VSHN",
            family: appcat,
            provider: "VSHN",
            description: "Managed PostgreSQL with backups.",
            owner: "po_cloud",
            plans: [(id: "standard", name: "Standard", prices: [(label: "Instance", recurrence: monthly, kind: Fixed(250))])],
        ),
        (
            id: "appops",
            name: "AppOps",
            family: appops,
            provider: "VSHN",
            description: "VSHN operates the application.",
            owner: "po_cloud",
            plans: [(id: "office", name: "Office hours", prices: [(label: "Per application", recurrence: monthly, kind: PerUnit(unit: "application", amount: 1500, units: FromAnswers(answers: [("applications", 1)]))) ])],
        ),
        (
            id: "support",
            name: "Support plan",
            family: appops,
            provider: "VSHN",
            description: "Support on top of the platform.",
            owner: "po_cloud",
            plans: [(id: "basic", name: "Basic", prices: [(label: "Support", recurrence: monthly, kind: PercentOfRecurring(percent: 10, minimum: 500))])],
        ),
        (
            id: "packaging",
            name: "AppFlow packaging",
            family: appflow,
            provider: "VSHN",
            description: "Helm charts and pipelines for the application.",
            owner: "po_cloud",
            plans: [(id: "onboarding", name: "Onboarding", prices: [(label: "Workshop and packaging", recurrence: one_time, kind: Fixed(8000))])],
        ),
        (
            id: "kafka",
            name: "Kafka by Partner",
            family: partner,
            provider: "Streaming Partner AG",
            description: "Managed Kafka from a partner.",
            owner: "po_cloud",
            plans: [(id: "managed", name: "Managed", prices: [(label: "Cluster", recurrence: monthly, kind: Fixed(900))])],
        ),
    ],
)"#;

pub const QUESTIONNAIRE: &str = r#"(
    sections: [
        (
            id: "customer",
            title: "Customer",
            questions: [
                (id: "industry", prompt: "Which industry is the customer in?", help: "Regulated industries bring compliance duties.", importance: 1,
                 kind: Single(options: [(id: "finance", label: "Finance"), (id: "retail", label: "Retail"), (id: "other", label: "Other")])),
                (id: "applications", prompt: "How many applications?", help: "AppOps is priced per application.", importance: 2,
                 kind: Number(unit: "applications", min: 1, max: 50, integer: true)),
            ],
        ),
        (
            id: "needs",
            title: "Needs",
            questions: [
                (id: "compliance", prompt: "Which compliance regimes apply?", help: "FINMA needs Legal; HIPAA we do not certify.", importance: 1,
                 kind: Multi(options: [(id: "finma", label: "FINMA"), (id: "gdpr", label: "GDPR"), (id: "hipaa", label: "HIPAA"), (id: "none", label: "None", exclusive: true)])),
                (id: "availability", prompt: "Which availability per month?", help: "Shared tenancy targets 99.5 %.", importance: 1,
                 kind: Number(unit: "%", min: 90, max: 100)),
                (id: "tenancy", prompt: "Shared platform or a dedicated cluster?", help: "Shared is fastest to start.", importance: 1,
                 kind: Single(options: [(id: "shared", label: "Shared"), (id: "dedicated", label: "Dedicated")])),
                (id: "memory_gib", prompt: "How much memory do the workloads need?", help: "APPUiO Cloud bills by memory.", importance: 2,
                 when: Is("tenancy", "shared"), kind: Number(unit: "GiB", min: 0.5, max: 4096)),
                (id: "operate", prompt: "Should VSHN operate the application?", help: "AppOps: patches, backups, runbooks.", importance: 2,
                 kind: YesNo),
            ],
        ),
        (
            id: "tech",
            title: "Technology",
            questions: [
                (id: "databases", prompt: "Which data services?", help: "PostgreSQL is ours; Kafka comes from a partner.", importance: 2,
                 kind: Multi(options: [(id: "postgres", label: "PostgreSQL"), (id: "kafka", label: "Kafka"), (id: "none", label: "None", exclusive: true)])),
                (id: "technologies", prompt: "Which technologies does the application use?", help: "Checked against the Tech Radar.", importance: 3,
                 kind: Text(radar: true)),
            ],
        ),
    ],
)"#;

pub const RULES: &str = r#"(
    rules: [
        (id: "shared", description: "A shared platform was chosen.", when: Is("tenancy", "shared"),
         effects: [Include(offering: "cloud", plan: "flex")]),
        (id: "dedicated", description: "A dedicated cluster was chosen.", when: Is("tenancy", "dedicated"),
         effects: [Include(offering: "openshift", plan: "standard")]),
        (id: "dedicated_premium", description: "A dedicated cluster above 99.5 %: Premium.", when: All([Is("tenancy", "dedicated"), Above("availability", 99.5)]),
         effects: [Include(offering: "openshift", plan: "premium")]),
        (id: "postgres", description: "The application uses PostgreSQL.", when: Includes("databases", "postgres"),
         effects: [Include(offering: "postgres", plan: "standard")]),
        (id: "kafka", description: "The application uses Kafka.", when: Includes("databases", "kafka"),
         effects: [Include(offering: "kafka", plan: "managed"), Flag((severity: needs_partner, title: "Kafka comes from a partner", detail: "We do not run Kafka ourselves.", remediation: "Propose the partner's managed Kafka."))]),
        (id: "appops", description: "VSHN operates the application.", when: Yes("operate"),
         effects: [Include(offering: "appops", plan: "office"), Include(offering: "packaging", plan: "onboarding")]),
        (id: "support", description: "Every platform comes with a support plan.", when: Any([Included("cloud"), Included("openshift")]),
         effects: [Include(offering: "support", plan: "basic")]),
        (id: "shared_availability", description: "Shared tenancy cannot go above 99.5 %.", when: All([Is("tenancy", "shared"), Above("availability", 99.5)]),
         effects: [Flag((severity: out_of_scope, title: "Availability beyond shared tenancy", detail: "APPUiO Cloud targets 99.5 %; {availability} was asked for.", remediation: "Propose a dedicated cluster.", approver: "po_cloud"))]),
        (id: "finma", description: "FINMA outsourcing needs a contract addendum.", when: Includes("compliance", "finma"),
         effects: [Flag((severity: needs_approval, title: "FINMA outsourcing", detail: "A FINMA outsourcing addendum is needed.", remediation: "Involve Legal early.", approver: "legal"))]),
        (id: "hipaa", description: "HIPAA is not certified.", when: Includes("compliance", "hipaa"),
         effects: [Flag((severity: out_of_scope, title: "HIPAA is not certified", detail: "We do not certify HIPAA.", remediation: "Keep US health data out of scope."))]),
        (id: "gdpr", description: "GDPR is covered by a DPA.", when: Includes("compliance", "gdpr"),
         effects: [Flag((severity: info, title: "Data processing agreement", detail: "GDPR is covered by our DPA.", remediation: "Send the DPA with the offer."))]),
        (id: "radar", description: "Technologies off the radar need Tech Alignment.", when: RadarRing("technologies", ["hold", "unknown"]),
         effects: [Flag((severity: needs_engineering, title: "Not on the Tech Radar: {technologies}", detail: "Tech Alignment must look at {technologies}.", remediation: "Estimate the engineering.", approver: "tech"))]),
    ],
)"#;

pub const TECH_RADAR: &str = r#"(
    entries: [
        (id: "postgresql", name: "PostgreSQL", ring: adopt, quadrant: "data", aliases: ["Postgres"]),
        (id: "kafka", name: "Kafka", ring: assess, quadrant: "data"),
        (id: "cobol", name: "COBOL", ring: hold, quadrant: "languages"),
    ],
)"#;
