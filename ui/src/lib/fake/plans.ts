// Sample plans for the fake backend (copied from assets/plans/, public sample data).
import type { Plan } from "../bindings/Plan";

export const durhamSample: Plan = {
  "id": "durham-sample",
  "issuer": "Durham County Council (sample)",
  "title": "Social value: plan on a page (sample)",
  "published": "2014-06-11",
  "local_area": "County Durham",
  "local_places": [
    "Barnard Castle",
    "Bishop Auckland",
    "Chester-le-Street",
    "Consett",
    "Crook",
    "Durham",
    "Newton Aycliffe",
    "Peterlee",
    "Seaham",
    "Spennymoor",
    "Stanley"
  ],
  "summary": "A sample plan on a page for County Durham, built from the facts of the Durham Social Value Taskforce report of 2014: its five \"Altogether\" themes, with hot topics drawn from the report's case studies and action plan. It is not Durham County Council's current plan, and its proxy values are illustrative only.",
  "source": {
    "name": "Durham Social Value Taskforce report (2014), Durham County Council and the Federation of Small Businesses",
    "licence": "facts summarised in our own words; not the council's current plan"
  },
  "themes": [
    {
      "id": "wealthier",
      "name": "Altogether wealthier",
      "description": "A thriving county economy, with regeneration and business growth at the centre of every plan.",
      "outcomes": [
        "More local people, especially those facing disadvantage, in work",
        "More contract spend with County Durham small firms and social enterprises",
        "Small firms and voluntary groups better able to bid for and win contracts"
      ]
    },
    {
      "id": "children-young-people",
      "name": "Altogether better for children and young people",
      "description": "Children and young people protected from harm and given every chance to learn and do well.",
      "outcomes": [
        "More apprenticeships and work placements for young people",
        "Fewer young people out of education, employment or training",
        "Young children sitting down to a hot, healthy meal at school"
      ]
    },
    {
      "id": "healthier",
      "name": "Altogether healthier",
      "description": "Better health and wellbeing for people across the county.",
      "outcomes": [
        "More fresh, locally grown food in meals paid for by the public purse",
        "Healthier workplaces and more active communities"
      ]
    },
    {
      "id": "safer",
      "name": "Altogether safer",
      "description": "A safer county where neighbours and communities pull together.",
      "outcomes": [
        "Stronger community and voluntary groups",
        "More help for people at risk of being left out, such as ex-offenders"
      ]
    },
    {
      "id": "greener",
      "name": "Altogether greener",
      "description": "A clean, pleasant place to live that also plays its part in tackling climate change.",
      "outcomes": [
        "Lower carbon emissions from council contracts",
        "Less waste sent to landfill and more reuse and recycling",
        "Materials such as timber bought from certified, sustainable sources"
      ]
    }
  ],
  "hot_topics": [
    {
      "id": "local-jobs",
      "theme": "wealthier",
      "title": "Jobs for local people facing disadvantage",
      "description": "Fill vacancies created by the contract with County Durham residents who struggle to find work, such as long-term unemployed people, disabled people and young people not in work or training.",
      "weight": "20",
      "place_based": true,
      "measures": [
        "local-hires",
        "vacancies-notified"
      ],
      "examples": [
        "Tell the council's employability team about every vacancy on the contract before advertising it elsewhere",
        "Fill at least 3 in every 10 new posts with candidates from disadvantaged groups, reported quarterly"
      ]
    },
    {
      "id": "apprenticeships",
      "theme": "children-young-people",
      "title": "Apprenticeships and work placements for local young people",
      "description": "Give young people from County Durham a start through apprenticeships and shorter work placements on the contract.",
      "weight": "20",
      "place_based": true,
      "measures": [
        "apprenticeship-weeks",
        "work-placements"
      ],
      "examples": [
        "Create 4 new apprenticeships for County Durham school leavers over the contract",
        "Offer 10 two-week work placements a year, arranged with the council's employability team"
      ]
    },
    {
      "id": "local-supply-chain",
      "theme": "wealthier",
      "title": "Local suppliers, small firms and social enterprises",
      "description": "Buy goods and services for the contract from small businesses, social enterprises and voluntary groups based in County Durham.",
      "weight": "15",
      "place_based": true,
      "measures": [
        "local-sme-spend"
      ],
      "examples": [
        "Spend at least a quarter of subcontract value with County Durham SMEs and social enterprises",
        "Hold a meet-the-buyer session for local small firms before letting subcontracts"
      ]
    },
    {
      "id": "local-produce",
      "theme": "healthier",
      "title": "Fresh local food and produce",
      "description": "Use more fresh food grown or made in County Durham in meals and catering delivered under the contract.",
      "weight": "10",
      "place_based": true,
      "measures": [
        "local-food-spend"
      ],
      "examples": [
        "Raise the share of food bought from County Durham producers every year of the contract",
        "Cook all meals on site from fresh ingredients, with a named local dairy and butcher"
      ]
    },
    {
      "id": "carbon",
      "theme": "greener",
      "title": "Cutting carbon emissions",
      "description": "Reduce the greenhouse gas emissions caused by delivering the contract, working to a published plan for cutting carbon.",
      "weight": "10",
      "place_based": false,
      "measures": [
        "co2e-reduced",
        "zero-emission-miles"
      ],
      "examples": [
        "Publish a carbon reduction plan for the contract within three months of starting",
        "Run all town-centre deliveries with electric vans from the first year"
      ]
    },
    {
      "id": "landfill-waste",
      "theme": "greener",
      "title": "Less waste sent to landfill",
      "description": "Cut the amount of waste from the contract that ends up in landfill by preventing, reusing and recycling it.",
      "weight": "10",
      "place_based": false,
      "measures": [
        "landfill-diverted"
      ],
      "examples": [
        "Cut landfill waste from the contract by 60% by the end of its term, against a first-year baseline",
        "Separate food waste at every site and send it for composting"
      ]
    },
    {
      "id": "community-recycling",
      "theme": "greener",
      "title": "Community recycling and reuse of surplus materials",
      "description": "Pass surplus furniture, fittings and materials from the contract to local community reuse and recycling schemes.",
      "weight": "5",
      "place_based": true,
      "measures": [
        "items-donated"
      ],
      "examples": [
        "Offer all usable furniture cleared during the works to a County Durham furniture reuse charity"
      ]
    },
    {
      "id": "volunteering",
      "theme": "safer",
      "title": "Volunteering and support for local community groups",
      "description": "Give staff time, skills and practical help to community and voluntary groups in County Durham.",
      "weight": "10",
      "place_based": true,
      "measures": [
        "volunteering-hours"
      ],
      "examples": [
        "Give each member of staff one paid volunteering day a year with a community group in the county",
        "Mentor two local voluntary groups on bidding for small contracts"
      ]
    }
  ],
  "measures": [
    {
      "id": "local-hires",
      "name": "Local residents from disadvantaged groups hired",
      "unit": "people",
      "proxy_value": "12000.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "vacancies-notified",
      "name": "Vacancies shared first with the council's employability team",
      "unit": "vacancies"
    },
    {
      "id": "apprenticeship-weeks",
      "name": "Apprenticeship weeks for local young people",
      "unit": "weeks",
      "proxy_value": "200.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "work-placements",
      "name": "Work placements of at least one week",
      "unit": "placements",
      "proxy_value": "150.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "local-sme-spend",
      "name": "Contract spend with County Durham SMEs, social enterprises and voluntary groups",
      "unit": "GBP",
      "proxy_value": "0.20",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "local-food-spend",
      "name": "Food bought from County Durham growers and producers",
      "unit": "GBP",
      "proxy_value": "0.20",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "co2e-reduced",
      "name": "Greenhouse gas emissions cut against the contract's baseline",
      "unit": "tonnes CO2e",
      "proxy_value": "250.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "zero-emission-miles",
      "name": "Miles driven on the contract in zero-emission vehicles",
      "unit": "miles"
    },
    {
      "id": "landfill-diverted",
      "name": "Waste diverted from landfill",
      "unit": "tonnes",
      "proxy_value": "90.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    },
    {
      "id": "items-donated",
      "name": "Furniture and material items passed to community reuse schemes",
      "unit": "items"
    },
    {
      "id": "volunteering-hours",
      "name": "Staff volunteering hours with County Durham community groups",
      "unit": "hours",
      "proxy_value": "15.00",
      "proxy_source": "illustrative value for this sample, not a published proxy"
    }
  ]
};

export const ukSocialValueModel: Plan = {
  "id": "uk-social-value-model",
  "issuer": "UK Government (Social Value Model)",
  "title": "Social Value Model: missions and outcomes (PPN 002, 2025)",
  "published": "2025-02-13",
  "summary": "The UK government's Social Value Model for central government contracts, as updated by Procurement Policy Note PPN 002 in 2025, set out as a plan: its five missions are the themes and its eight policy outcomes are the hot topics, equally weighted, with simple reporting measures of our own choosing. Everything here is written in our own words, so check the Cabinet Office's published model for the exact award criteria and standard reporting metrics.",
  "source": {
    "name": "UK Social Value Model, Procurement Policy Note PPN 002 (2025), Cabinet Office",
    "licence": "Open Government Licence v3.0"
  },
  "themes": [
    {
      "id": "economic-growth",
      "name": "Kickstart economic growth",
      "description": "Stronger, fairer growth built on good jobs, new skills and a broad, sturdy supplier base.",
      "outcomes": [
        "Fair work with decent pay, conditions and chances to progress",
        "Skills that close gaps and support growth",
        "Supply chains that are resilient, innovative and open to smaller suppliers"
      ]
    },
    {
      "id": "clean-energy",
      "name": "Make Britain a clean energy superpower",
      "description": "Cleaner power and quicker progress towards net zero.",
      "outcomes": [
        "Buying and delivering in ways that cut emissions and waste"
      ]
    },
    {
      "id": "safer-streets",
      "name": "Take back our streets",
      "description": "Less serious crime and more trust in policing and justice.",
      "outcomes": [
        "Safer, closer-knit communities with less crime and reoffending"
      ]
    },
    {
      "id": "opportunity",
      "name": "Break down barriers to opportunity",
      "description": "A fair chance at work for everyone, whatever their background or disability.",
      "outcomes": [
        "Employment and training for disabled people",
        "A pipeline into work for groups under-represented in the workforce"
      ]
    },
    {
      "id": "nhs-future",
      "name": "Build an NHS fit for the future",
      "description": "Better health, so people stay well and in work and the NHS is under less strain.",
      "outcomes": [
        "A healthier, more productive workforce through physical and mental wellbeing"
      ]
    }
  ],
  "hot_topics": [
    {
      "id": "fair-work",
      "theme": "economic-growth",
      "title": "Fair work: good jobs, fair pay and career progression",
      "description": "Create and keep good-quality jobs on the contract with fair pay and conditions, and help people get into work, stay in work and move up.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "new-jobs-fte",
        "living-wage-staff"
      ],
      "examples": [
        "Pay everyone working on the contract, subcontractor staff included, at least the real Living Wage from the first day",
        "Create 4 new full-time posts for the contract in its first year and report how many are still filled 12 months later"
      ]
    },
    {
      "id": "skills-for-growth",
      "theme": "economic-growth",
      "title": "Skills, apprenticeships and training for growth",
      "description": "Close skills gaps that matter to the contract through apprenticeships, T Level placements, supported internships and recognised training.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "apprenticeship-starts",
        "training-placements"
      ],
      "examples": [
        "Start 2 apprentices a year on recognised standards linked to the contract's skills gaps",
        "Host 3 T Level industry placements a year, each with a named workplace mentor"
      ]
    },
    {
      "id": "resilient-supply-chains",
      "theme": "economic-growth",
      "title": "Resilient supply chains: SMEs and VCSEs",
      "description": "Open the contract's supply chain to small businesses and voluntary, community and social enterprises, treat suppliers fairly and pay them promptly.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "sme-vcse-spend",
        "prompt-payment"
      ],
      "examples": [
        "Advertise every subcontract over £25,000 openly and publish who won it each quarter",
        "Pay all supply chain invoices within 30 days and report performance quarterly"
      ]
    },
    {
      "id": "sustainable-procurement",
      "theme": "clean-energy",
      "title": "Cutting carbon emissions and waste",
      "description": "Deliver the contract with lower greenhouse gas emissions and less waste, in step with the UK's net zero target.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "co2e-avoided",
        "waste-diverted"
      ],
      "examples": [
        "Publish a carbon reduction plan for the contract and cut its emissions by a fifth within three years",
        "Send none of the contract's office and packaging waste to landfill from the second year"
      ]
    },
    {
      "id": "safer-communities",
      "theme": "safer-streets",
      "title": "Safer communities: less crime and reoffending",
      "description": "Help cut crime and reoffending through the contract, for example by giving prison leavers a route into work and backing projects that bring communities together.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "prison-leaver-hires",
        "community-hours"
      ],
      "examples": [
        "Offer 2 paid roles a year to prison leavers through a resettlement charity, each with a mentor",
        "Give 200 staff volunteering hours a year to youth diversion and neighbourhood projects"
      ]
    },
    {
      "id": "disability-employment",
      "theme": "opportunity",
      "title": "Jobs and training for disabled people",
      "description": "Widen opportunity by recruiting, training and supporting disabled people in the contract workforce.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "disabled-employed",
        "disabled-training"
      ],
      "examples": [
        "Guarantee an interview to disabled applicants who meet the essential criteria for contract roles",
        "Fund 5 supported internships a year for young people with learning disabilities"
      ]
    },
    {
      "id": "opportunity-pipeline",
      "theme": "opportunity",
      "title": "Careers outreach to under-represented groups",
      "description": "Build a pipeline of future staff from groups under-represented in the sector through outreach, work experience and mentoring.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "outreach-hours",
        "work-experience"
      ],
      "examples": [
        "Run 10 careers sessions a year in schools and colleges in areas of high deprivation",
        "Offer 6 two-week work experience placements a year to care leavers"
      ]
    },
    {
      "id": "workforce-wellbeing",
      "theme": "nhs-future",
      "title": "Workforce health and wellbeing",
      "description": "Support the physical and mental health of the people working on the contract, so fewer fall ill or leave work.",
      "weight": "12.5",
      "place_based": false,
      "measures": [
        "wellbeing-covered",
        "mh-first-aiders"
      ],
      "examples": [
        "Give every contract worker access to an employee assistance programme and report uptake quarterly",
        "Train one mental health first aider for every 25 contract staff"
      ]
    }
  ],
  "measures": [
    {
      "id": "new-jobs-fte",
      "name": "New jobs created to deliver the contract",
      "unit": "FTE"
    },
    {
      "id": "living-wage-staff",
      "name": "Contract workers paid at least the real Living Wage",
      "unit": "people"
    },
    {
      "id": "apprenticeship-starts",
      "name": "Apprenticeship starts on the contract",
      "unit": "starts"
    },
    {
      "id": "training-placements",
      "name": "T Level placements and supported internships",
      "unit": "placements"
    },
    {
      "id": "sme-vcse-spend",
      "name": "Contract spend with SMEs and VCSEs",
      "unit": "GBP"
    },
    {
      "id": "prompt-payment",
      "name": "Supply chain invoices paid within 30 days",
      "unit": "% of invoices"
    },
    {
      "id": "co2e-avoided",
      "name": "Greenhouse gas emissions avoided",
      "unit": "tonnes CO2e"
    },
    {
      "id": "waste-diverted",
      "name": "Waste diverted from landfill",
      "unit": "tonnes"
    },
    {
      "id": "prison-leaver-hires",
      "name": "Prison leavers and people with convictions employed",
      "unit": "people"
    },
    {
      "id": "community-hours",
      "name": "Staff hours given to community safety and cohesion projects",
      "unit": "hours"
    },
    {
      "id": "disabled-employed",
      "name": "Disabled people employed on the contract",
      "unit": "FTE"
    },
    {
      "id": "disabled-training",
      "name": "Disabled people completing training relevant to the contract",
      "unit": "people"
    },
    {
      "id": "outreach-hours",
      "name": "Careers outreach hours with under-represented groups",
      "unit": "hours"
    },
    {
      "id": "work-experience",
      "name": "Work experience placements for under-represented groups",
      "unit": "placements"
    },
    {
      "id": "wellbeing-covered",
      "name": "Contract workers covered by a workplace wellbeing programme",
      "unit": "people"
    },
    {
      "id": "mh-first-aiders",
      "name": "Trained mental health first aiders on the contract",
      "unit": "people"
    }
  ]
};
