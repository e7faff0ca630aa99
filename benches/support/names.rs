//! A deterministic list of 100 000 offering names as a partner price list
//! would have them: vendor, product, tier, size, region and an article
//! number ("Exoscale PostgreSQL Business 4 vCPU 16 GiB ch-gva-2 EXO-40213").
//! The search bench and the side-by-side with fzf
//! (`cargo run --release --example gen_names -- names.txt`) use the same
//! list, so the comparison can be reproduced.

pub const COUNT: usize = 100_000;

/// Queries of the kind a person types: a product and a tier or a
/// region, in order, misspelt or abbreviated the way fuzzy finders allow.
pub const QUERIES: [&str; 6] = [
    "postgres",
    "redis premium",
    "exo kafka gva",
    "objstor",
    "mongo ent",
    "kubernetes 64",
];

const VENDORS: [(&str, &str); 20] = [
    ("VSHN", "VSH"),
    ("Exoscale", "EXO"),
    ("cloudscale", "CSC"),
    ("Swisscom", "SCM"),
    ("AWS", "AWS"),
    ("Azure", "AZR"),
    ("Google Cloud", "GCP"),
    ("Hetzner", "HTZ"),
    ("Infomaniak", "INF"),
    ("OVHcloud", "OVH"),
    ("Red Hat", "RHT"),
    ("SUSE", "SUS"),
    ("Elastic", "ELA"),
    ("MongoDB", "MDB"),
    ("Confluent", "CFL"),
    ("Grafana Labs", "GRL"),
    ("GitLab", "GTL"),
    ("Aiven", "AIV"),
    ("Scaleway", "SCW"),
    ("IONOS", "ION"),
];

const PRODUCTS: [&str; 30] = [
    "PostgreSQL",
    "MariaDB",
    "MySQL",
    "Redis",
    "Kafka",
    "OpenSearch",
    "Elasticsearch",
    "MongoDB",
    "Object Storage",
    "Block Storage",
    "Kubernetes",
    "OpenShift",
    "Load Balancer",
    "Backup",
    "Monitoring",
    "Log Management",
    "Keycloak",
    "Nextcloud",
    "MinIO",
    "RabbitMQ",
    "Vault",
    "Container Registry",
    "CDN",
    "DNS",
    "VPN Gateway",
    "Compute Instance",
    "GPU Instance",
    "Managed Firewall",
    "Mail Relay",
    "Private Network",
];

const TIERS: [&str; 9] = [
    "Hobby",
    "Starter",
    "Standard",
    "Business",
    "Premium",
    "Enterprise",
    "Dedicated",
    "Shared",
    "HA",
];

const SIZES: [&str; 10] = [
    "1 vCPU 2 GiB",
    "2 vCPU 4 GiB",
    "2 vCPU 8 GiB",
    "4 vCPU 16 GiB",
    "8 vCPU 32 GiB",
    "16 vCPU 64 GiB",
    "100 GiB",
    "500 GiB",
    "1 TiB",
    "5 TiB",
];

const REGIONS: [&str; 12] = [
    "ch-gva-2",
    "ch-dk-2",
    "lpg",
    "rma1",
    "zrh1",
    "eu-central-1",
    "eu-central-2",
    "westeurope",
    "switzerlandnorth",
    "europe-west6",
    "de-fra-1",
    "fr-par-2",
];

/// `count` names; the same on every run and every machine.
pub fn names(count: usize) -> Vec<String> {
    // xorshift64*: small, deterministic, good enough to mix the words.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    (0..count)
        .map(|i| {
            let (vendor, code) = VENDORS[next(VENDORS.len())];
            let product = PRODUCTS[next(PRODUCTS.len())];
            let tier = TIERS[next(TIERS.len())];
            let size = SIZES[next(SIZES.len())];
            let region = REGIONS[next(REGIONS.len())];
            // Some lines carry no size or no tier, as real price lists do.
            match next(6) {
                0 => format!("{vendor} {product} {tier} {region} {code}-{i:05}"),
                1 => format!("{vendor} {product} {size} {region} {code}-{i:05}"),
                _ => format!("{vendor} {product} {tier} {size} {region} {code}-{i:05}"),
            }
        })
        .collect()
}
