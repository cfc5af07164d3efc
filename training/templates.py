# ruff: noqa: E501  (template lines are data: one sentence a line reads better than wrapped strings)
"""Sentence templates for the generator: `LABELS || template`, one a line.

LABELS: `-` for no codable event, else `PLOVER` or `PLOVER/ACLED sub-event type`, joined by `+` when a
sentence states several events. Slots are filled from training/conflicts.py by generate.py:
{army} {troops} {group} {fighters} {gov} {foe} {protesters} {civ} {police} {town} {town2} {region}
{country} {adj} {capital} {intl} {intl2} {mediator} {city} {src} {day} {weekday} {n} {n2} {bign}
{year} {year2} {month} {team} {team2}. A capitalised slot ({Troops}) is capitalised in the output.
"""

# Single events: material. The clause states the happening; attribution wrappers are added by generate.py.
MATERIAL = r"""
ASSAULT/Armed clash || {troops} clashed with {fighters} near {town} {day}.
ASSAULT/Armed clash || Heavy fighting broke out between {army} and {group} on the outskirts of {town} {day}.
ASSAULT/Armed clash || {n} soldiers were killed when {fighters} ambushed an army convoy near {town} {day}.
ASSAULT/Armed clash || {fighters} attacked an army base in {town} {day}, sparking a gun battle that lasted several hours.
ASSAULT/Armed clash || Clashes between {troops} and {fighters} in {region} left {n} people dead {day}.
ASSAULT/Armed clash || {army} said its forces had repelled an attack by {fighters} on positions near {town}, killing {n} of the assailants.
ASSAULT/Armed clash || {troops} and {fighters} exchanged fire for several hours {day} in {town}.
ASSAULT/Armed clash || Gunfire rang out across {town} {day} as {fighters} stormed a police station.
ASSAULT/Armed clash || A firefight erupted {day} when {troops} raided a hideout of {fighters} near {town}.
ASSAULT/Armed clash || {group} said its fighters had killed {n} soldiers in an assault on a military post in {region}.
ASSAULT/Armed clash || {army} said it had lost {n} soldiers in clashes with {fighters} {day}.
ASSAULT/Armed clash || {n} {fighters} were killed in a counterattack by {troops} near {town}.
ASSAULT/Armed clash || {troops} killed {n} {fighters} in an operation in {region}, the military said {day}.
ASSAULT/Armed clash || An army patrol came under fire near {town} {day}, and {n} soldiers were wounded.
ASSAULT/Armed clash || {n} police officers died when {fighters} attacked their post in {town}.
ASSAULT/Armed clash || Fierce battles raged {day} around {town}, where {troops} are trying to push back {fighters}.
ASSAULT/Armed clash || The fighting in {town}, which began before dawn {day}, pitted {troops} against {fighters}.
ASSAULT/Armed clash || {fighters} launched a surprise assault on {town} {day} but were beaten back by {troops}.
ASSAULT/Armed clash || Two soldiers and {n} {fighters} died in a gunfight at a checkpoint outside {town}.
ASSAULT/Armed clash || {troops} engaged {fighters} in a prolonged firefight near {town}, leaving {n} dead on both sides.
ASSAULT/Armed clash || The clashes erupted {day} after {fighters} tried to cross the river near {town}.
ASSAULT/Armed clash || Intense combat was reported {day} along the front line east of {town}.
ASSAULT/Armed clash || {fighters} overran an army outpost near {town} {day} after a two-hour gun battle with {troops}.
ASSAULT/Armed clash || Rival factions of {fighters} fought each other in {town} {day}, killing {n} people.
ASSAULT/Armed clash || A military source said {n} soldiers were wounded in an ambush on the road to {town}.
ASSAULT/Armed clash || Soldiers returned fire after {fighters} attacked their convoy on the outskirts of {town} {day}.
ASSAULT/Armed clash || {n} of the attackers were killed and several weapons were recovered, {army} said after the raid on its camp near {town}.
ASSAULT/Government regains territory || {army} said it had recaptured {town} from {group} {day}.
ASSAULT/Government regains territory || {troops} retook the town of {town} after days of fighting.
ASSAULT/Government regains territory || {army} regained control of {town} {day}, driving out {fighters}.
ASSAULT/Government regains territory || {town} was retaken by {troops} {day}, the defence ministry said.
ASSAULT/Government regains territory || {army} announced {day} that its forces had liberated {town} and several nearby villages.
ASSAULT/Government regains territory || {troops} pushed {fighters} out of {town} {day}, restoring government control over the district.
ASSAULT/Government regains territory || After a week-long offensive, {troops} entered {town} and raised the national flag {day}.
ASSAULT/Non-state actor overtakes territory || {fighters} seized {town} {day} after {troops} fled.
ASSAULT/Non-state actor overtakes territory || {group} captured the strategic town of {town} {day}.
ASSAULT/Non-state actor overtakes territory || {town} fell to {fighters} {day}.
ASSAULT/Non-state actor overtakes territory || {fighters} took control of {town} and its airstrip {day}.
ASSAULT/Non-state actor overtakes territory || {group} said it had overrun an army base near {town} and seized weapons and vehicles.
ASSAULT/Non-state actor overtakes territory || The capture of {town} by {fighters} {day} cuts a key supply route to {region}.
ASSAULT/Non-state actor overtakes territory || {fighters} entered {town} {day} and raised their flag over the district office.
ASSAULT/Air/drone strike || An airstrike on {town} killed {n} people {day}.
ASSAULT/Air/drone strike || Warplanes bombed positions held by {group} near {town} {day}.
ASSAULT/Air/drone strike || A drone strike hit a vehicle carrying {fighters} near {town} {day}, killing {n}.
ASSAULT/Air/drone strike || {n} civilians were killed in an air raid on a market in {town}.
ASSAULT/Air/drone strike || {army} said it had carried out air strikes on {group} hideouts in {region}.
ASSAULT/Air/drone strike || Military aircraft struck a village near {town} {day}, killing {n} people, including children.
ASSAULT/Air/drone strike || A drone dropped explosives on a crowded bus station in {town} {day}.
ASSAULT/Air/drone strike || The aerial bombardment of {town} {day} destroyed a hospital and several homes.
ASSAULT/Air/drone strike || A helicopter gunship fired on fighters of {group} near {town}, {army} said.
ASSAULT/Air/drone strike || Kamikaze drones slammed into an energy facility in {town} {day}.
ASSAULT/Air/drone strike || A strike by a military jet on a wedding party in {region} killed {n} guests.
ASSAULT/Shelling/artillery/missile attack || {army} shelled {town} {day}, killing {n} civilians.
ASSAULT/Shelling/artillery/missile attack || {n} people were wounded by artillery fire in {town} {day}.
ASSAULT/Shelling/artillery/missile attack || A missile struck an apartment block in {town} {day}, killing {n} people.
ASSAULT/Shelling/artillery/missile attack || {fighters} fired rockets at {town} {day}; no one was hurt.
ASSAULT/Shelling/artillery/missile attack || Mortar rounds landed near a school in {town} {day}, wounding {n} children.
ASSAULT/Shelling/artillery/missile attack || Heavy shelling of residential districts in {town} continued {day}.
ASSAULT/Shelling/artillery/missile attack || A rocket hit a displacement camp outside {town}, killing {n}.
ASSAULT/Shelling/artillery/missile attack || {troops} pounded {fighters} positions with artillery {day}.
ASSAULT/Shelling/artillery/missile attack || A ballistic missile attack on {town} {day} damaged the railway station.
ASSAULT/Shelling/artillery/missile attack || Shells fired from across the border hit a village near {town} {day}.
ASSAULT/Remote explosive/landmine/IED || A roadside bomb killed {n} soldiers near {town} {day}.
ASSAULT/Remote explosive/landmine/IED || {n} people died when a car bomb exploded outside a market in {town}.
ASSAULT/Remote explosive/landmine/IED || A military vehicle struck a landmine near {town} {day}, wounding {n} soldiers.
ASSAULT/Remote explosive/landmine/IED || An improvised explosive device went off near a police convoy in {region} {day}.
ASSAULT/Remote explosive/landmine/IED || A bomb hidden on a motorcycle exploded in the main market of {town} {day}.
ASSAULT/Remote explosive/landmine/IED || Two children were killed by an unexploded shell they found near their home in {town}.
ASSAULT/Remote explosive/landmine/IED || The blast, caused by an explosive device planted under a bridge, tore through a minibus near {town}.
ASSAULT/Remote explosive/landmine/IED || A remotely detonated bomb targeted a police patrol in {town} {day}.
ASSAULT/Suicide bomb || A suicide bomber blew himself up at a checkpoint in {town} {day}, killing {n} people.
ASSAULT/Suicide bomb || {n} people were killed in a suicide attack on a hotel in {town} {day}.
ASSAULT/Suicide bomb || A suicide car bomb struck the gates of a military base in {town} {day}.
ASSAULT/Suicide bomb || Two suicide bombers detonated their vests at a mosque in {town} during evening prayers.
ASSAULT/Suicide bomb || The suicide bombing outside the governor's office in {town} wounded {n} people.
ASSAULT/Grenade || An attacker threw a grenade into a crowded bus stop in {town} {day}, wounding {n} people.
ASSAULT/Grenade || A grenade attack on a police post in {town} injured {n} officers.
ASSAULT/Grenade || Unidentified men lobbed a hand grenade at a security forces vehicle in {town} {day}.
ASSAULT/Chemical weapon || A chlorine gas attack on {town} {day} left {n} people struggling to breathe.
ASSAULT/Chemical weapon || Medics said toxic gas was used in an attack on {town}, killing {n} people.
ASSAULT/Attack || Gunmen killed {n} villagers in an attack on {town} {day}.
ASSAULT/Attack || {fighters} stormed a village near {town} {day}, killing {n} civilians.
ASSAULT/Attack || {n} farmers were shot dead by {fighters} while working in their fields near {town}.
ASSAULT/Attack || Assailants on motorbikes opened fire on worshippers at a mosque in {town} {day}.
ASSAULT/Attack || A man was hacked to death by suspected {fighters} in {town} {day}.
ASSAULT/Attack || {fighters} massacred {n} people in a village in {region}.
ASSAULT/Attack || Armed men burst into a church in {town} {day} and shot {n} worshippers.
ASSAULT/Attack || {troops} executed {n} unarmed men in {town}, {src} said.
ASSAULT/Attack || A local journalist was shot and killed outside his home in {town} {day}.
ASSAULT/Attack || Attackers set fire to a camp for displaced people near {town} {day}, killing {n} people.
ASSAULT/Attack || Gunmen opened fire on a bus carrying passengers to {town}, killing {n}.
ASSAULT/Attack || {n} aid workers were killed when their convoy was attacked near {town} {day}.
ASSAULT/Attack || Settlers attacked Palestinian farmers near {town} {day}, injuring {n} people.
ASSAULT/Abduction/forced disappearance || {fighters} abducted {n} students from a school in {town} {day}.
ASSAULT/Abduction/forced disappearance || {n} aid workers were kidnapped by gunmen on the road between {town} and {town2} {day}.
ASSAULT/Abduction/forced disappearance || Gunmen seized {n} passengers from a bus near {town} {day}.
ASSAULT/Abduction/forced disappearance || A local journalist was taken from his home in {town} by armed men {day} and has not been seen since.
ASSAULT/Abduction/forced disappearance || {fighters} kidnapped a village chief and his two sons near {town}.
ASSAULT/Abduction/forced disappearance || The abduction of {n} women in {region} {day} has been blamed on {group}.
ASSAULT/Sexual violence || {fighters} raped {n} women during a raid on {town} {day}.
ASSAULT/Sexual violence || Women fleeing {town} were sexually assaulted by armed men at a checkpoint {day}.
ASSAULT/Mob violence || A mob beat two suspected thieves to death in {town} {day}.
ASSAULT/Mob violence || An angry crowd beat a suspected police informer to death in {town}.
ASSAULT/Mob violence || Villagers armed with machetes attacked a family accused of witchcraft near {town} {day}.
ASSAULT/Looting/property destruction || {fighters} looted shops and warehouses in {town} {day}.
ASSAULT/Looting/property destruction || {troops} burned down {n} homes in a village near {town}.
ASSAULT/Looting/property destruction || Armed men ransacked the offices of an aid agency in {town} {day}.
ASSAULT/Looting/property destruction || {fighters} destroyed a telecommunications mast and torched a health centre in {town}.
PROTEST/Peaceful protest || Thousands of {protesters} marched through {capital} {day} to demand an end to the violence.
PROTEST/Peaceful protest || Hundreds of {protesters} rallied outside parliament in {capital} {day}.
PROTEST/Peaceful protest || {protesters} staged a sit-in in front of the governor's office in {town} {day}.
PROTEST/Peaceful protest || Demonstrators gathered in {town} {day} to protest against rising fuel prices.
PROTEST/Peaceful protest || A protest by {protesters} blocked the main road into {town} for several hours {day}.
PROTEST/Peaceful protest || {protesters} held a candlelight vigil in {town} {day} for the victims of the attack.
PROTEST/Peaceful protest || Workers went on strike in {town} {day} over unpaid wages.
PROTEST/Peaceful protest || {protesters} took to the streets of {town} {day}, chanting slogans against the government.
PROTEST/Peaceful protest || Several hundred people demonstrated peacefully outside the {adj} embassy {day}.
PROTEST/Peaceful protest || Shops stayed shut in {town} {day} as traders observed a general strike called by the opposition.
PROTEST/Peaceful protest || {protesters} marched to the presidential palace {day}, demanding the release of detained activists.
PROTEST/Peaceful protest || A crowd of {protesters} blocked the highway to {town} with burning branches, but no violence was reported.
PROTEST/Protest with intervention || Police fired tear gas to disperse {protesters} in {capital} {day}.
PROTEST/Protest with intervention || {police} broke up a rally by {protesters} in {town} and arrested {n} people.
PROTEST/Protest with intervention || Riot police used water cannon against demonstrators in {capital} {day}.
PROTEST/Protest with intervention || Officers detained dozens of {protesters} as they tried to march on the parliament building {day}.
PROTEST/Protest with intervention || {police} dispersed a sit-in by {protesters} outside the ministry in {capital} {day}.
PROTEST/Protest with intervention || Security forces fired rubber bullets and stun grenades at a crowd of {protesters} in {town}.
PROTEST/Excessive force against protesters || {police} opened fire on {protesters} in {town} {day}, killing {n}.
PROTEST/Excessive force against protesters || {n} protesters were shot dead as security forces cracked down on demonstrations in {town}.
PROTEST/Excessive force against protesters || Troops fired live rounds into a crowd of peaceful {protesters} in {town} {day}.
PROTEST/Excessive force against protesters || A student was beaten to death by police during a demonstration in {capital} {day}.
PROTEST/Violent demonstration || {protesters} threw stones at police and set tyres ablaze in {town} {day}.
PROTEST/Violent demonstration || Rioters torched government buildings in {town} {day}.
PROTEST/Violent demonstration || Protesters stormed the parliament building in {capital} {day}, smashing windows.
PROTEST/Violent demonstration || Demonstrators clashed with police in {town} {day}, and {n} officers were injured.
PROTEST/Violent demonstration || Angry youths burned a police station in {town} after a man died in custody.
PROTEST/Violent demonstration || {protesters} hurled petrol bombs at riot police in {capital} {day}.
COERCE/Arrests || {police} arrested {n} people suspected of links to {group} in {town} {day}.
COERCE/Arrests || {army} detained a local journalist in {town} {day}.
COERCE/Arrests || An opposition leader was detained at his home in {capital} {day}.
COERCE/Arrests || {n} suspects were taken into custody after raids across {region}.
COERCE/Arrests || Security forces rounded up dozens of young men in {town} {day}.
COERCE/Arrests || The navy arrested {n} foreign fishermen off the coast {day}.
COERCE/Arrests || A prominent activist was arrested at the airport in {capital} as she returned from abroad.
COERCE/Arrests || {police} said they had apprehended a commander of {group} in {town}.
COERCE || Authorities imposed a curfew in {town} {day} after the violence.
COERCE || {gov} declared a state of emergency in {region} {day}.
COERCE || Authorities shut down internet access across {region} {day}.
MOBILIZE/Other || {army} deployed additional troops to {town} {day}.
MOBILIZE/Other || {country} sent {n2} soldiers to {town} to reinforce the garrison.
MOBILIZE/Other || Reinforcements arrived in {town} {day} as {troops} prepared to defend the town.
MOBILIZE/Other || {gov} put troops on high alert along the frontier {day}.
MOBILIZE/Other || Convoys of armoured vehicles were seen moving towards {town} {day}.
MOBILIZE/Other || Neighbouring states began deploying a regional force to {region} {day}.
MOBILIZE/Other || {gov} announced a partial mobilisation of reservists {day}.
MOBILIZE/Headquarters or base established || {troops} set up a new base in {town} {day}.
MOBILIZE/Headquarters or base established || {group} established a headquarters in {town} after taking over the district.
MOBILIZE/Headquarters or base established || {fighters} set up checkpoints and a command post on the road into {town}.
AGREE/Agreement || {gov} and {group} signed a ceasefire agreement in {city} {day}.
AGREE/Agreement || The two sides agreed {day} to a 72-hour truce brokered by {mediator}.
AGREE/Agreement || A deal to exchange prisoners was reached {day} after talks mediated by {mediator}.
AGREE/Agreement || {gov} and {group} agreed {day} to open humanitarian corridors around {town}.
AGREE/Agreement || Community leaders from {town} and {town2} signed a peace pact {day}.
AGREE/Agreement || Negotiators in {city} reached an accord on the withdrawal of foreign fighters {day}.
AGREE/Agreement || Under the agreement concluded {day}, both sides will pull back heavy weapons from {town}.
RETREAT/Non-violent transfer of territory || {fighters} withdrew from {town} {day}, handing control to {troops}.
RETREAT/Non-violent transfer of territory || {troops} pulled out of {town} {day} under the terms of the agreement.
RETREAT/Non-violent transfer of territory || {group} handed over its positions in {town} to a regional force {day}.
RETREAT/Non-violent transfer of territory || Foreign troops completed their withdrawal from a base near {town} {day}.
RETREAT/Non-violent transfer of territory || {fighters} left {town} peacefully {day} and handed the town back to local authorities.
SANCTION/Other || {intl} imposed sanctions on {n} commanders of {group} {day}.
SANCTION/Other || {country} expelled two diplomats {day}, accusing them of espionage.
SANCTION/Other || The European Union froze the assets of {n2} officials linked to the crackdown.
SANCTION/Other || {gov} suspended diplomatic ties with its neighbour {day}.
SANCTION/Other || The U.S. Treasury blacklisted {n} companies accused of supplying weapons to {group}.
SANCTION/Other || {gov} closed the border crossing at {town} to all trade {day}.
AID/Other || {intl} delivered food and medical supplies to {town} {day}.
AID/Other || A convoy of {n} trucks carrying aid reached {town} {day} for the first time in weeks.
AID/Other || Relief flights landed in {capital} {day} with tents and medicine for the displaced.
AID/Other || The World Food Programme distributed rations to families in {region} {day}.
"""

VERBAL = r"""
CONCEDE || {group} released {n} hostages {day}.
CONCEDE || {gov} freed {n2} prisoners under an amnesty {day}.
CONCEDE || The two sides exchanged {n2} prisoners of war {day}.
CONCEDE || {group} freed a kidnapped aid worker after weeks in captivity.
CONCEDE || {gov} pardoned {n} jailed protesters {day}.
CONCEDE || Authorities released the detained opposition leader on bail {day}.
COOPERATE || {army} and {intl2} forces began joint patrols along the border {day}.
COOPERATE || {gov} said it would share intelligence with its neighbours to track {group}.
COOPERATE || {country} and {intl2} launched a joint investigation into the attack {day}.
CONSULT || {gov} met {intl} in {capital} {day} to discuss the crisis.
CONSULT || Negotiators from both sides held talks in {city} {day}.
CONSULT || {gov} spoke by phone with {intl} {day} about the situation in {region}.
CONSULT || {intl} visited {capital} {day} and held talks with senior officials.
CONSULT || Delegations from {country} and its neighbours will meet in {city} on {weekday}.
CONSULT || {gov} hosted a summit of regional leaders in {capital} {day}.
CONSULT || Mediators from {mediator} shuttled between the two delegations in {city} {day}.
CONSULT || A new round of peace talks between {gov} and {group} opened in {city} {day}.
CONSULT || {gov} is due to travel to {city} on {weekday} for talks with {intl}.
CONSULT || Tribal elders met commanders of {group} in {town} {day} to negotiate the release of captives.
SUPPORT || {intl} said it backed {gov}'s efforts to restore order.
SUPPORT || {gov} praised {army} for its courage in retaking {town}.
SUPPORT || {intl} expressed its support for {gov} in a statement {day}.
SUPPORT || {intl2} endorsed the peace plan put forward by {mediator}.
SUPPORT || {gov} voiced solidarity with {protesters} in a speech {day}.
REQUEST || {intl} urged {gov} and {group} to return to talks.
REQUEST || {gov} called on residents to remain calm.
REQUEST || {intl} called for an immediate ceasefire in {region}.
REQUEST || {gov} demanded that {foe} withdraw its troops from the border area.
REQUEST || A resolution passed by the UN Security Council {day} called on the warring parties to let aid into {town}.
REQUEST || {intl} appealed for safe passage for civilians trapped in {town}.
REQUEST || {gov} asked {intl2} to send peacekeepers to {region}.
REQUEST || {intl} pressed {gov} to investigate the killings in {town}.
REQUEST || Aid agencies pleaded for access to {town}, where thousands are cut off.
REQUEST || {gov} urged {intl2} to designate {group} a terrorist organisation.
REQUEST || In a letter to the Security Council, {gov} requested an emergency session on {region}.
ACCUSE || {gov} accused {foe} of violating the ceasefire.
ACCUSE || {intl} condemned the attack on {town} as a war crime.
ACCUSE || {gov} blamed {group} for the bombing in {town}.
ACCUSE || Rights groups criticised {army} over the killing of civilians in {region}.
ACCUSE || {foe} accused {army} of shelling civilian areas near {town}.
ACCUSE || {gov} denounced the sanctions as illegal interference.
ACCUSE || {intl} strongly condemned {day}'s massacre in {town}.
ACCUSE || {gov} said the killings in {town} were the work of {group}, calling them a cowardly act of terror.
ACCUSE || {intl} slammed {gov} for the arrest of journalists.
ACCUSE || {foe} blamed {country} for the collapse of the talks.
REJECT || {group} denied responsibility for the attack.
REJECT || {gov} rejected the accusations as baseless.
REJECT || {gov} dismissed calls for a ceasefire.
REJECT || {group} refused to attend the talks in {city}.
REJECT || {foe} rejected a proposal by {mediator} for a new round of negotiations.
REJECT || {army} denied that its troops had fired on civilians in {town}.
REJECT || {gov} rebuffed a request by {intl} to allow investigators into {region}.
THREATEN || {gov} warned that it would respond forcefully to any further attacks.
THREATEN || {group} threatened to attack {town} unless government troops leave.
THREATEN || {foe} vowed retaliation after the strike on {town}.
THREATEN || {gov} gave {group} 48 hours to lay down their weapons or face military action.
THREATEN || {intl} threatened to impose sanctions if the violence continues.
THREATEN || {group} warned civilians to leave {town} before it launches an assault.
THREATEN || {foe} said it would strike back if {army} crossed the river.
"""

# Several events in one sentence.
MULTI = r"""
ACCUSE+REQUEST || {gov} condemned the attack and asked foreign partners to help track down the perpetrators.
REJECT+ACCUSE || {group} denied carrying out the attack and accused {army} of staging it.
ASSAULT/Armed clash+COERCE/Arrests || {troops} clashed with {fighters} near {town} {day}, and police later arrested {n} suspects.
CONSULT+REQUEST || {gov} met {intl} in {capital} {day} and urged more pressure on {group}.
ASSAULT/Armed clash+REQUEST || As fighting raged in {town}, {intl} called for an immediate halt to the violence.
SANCTION/Other+ACCUSE || {intl} imposed sanctions on two commanders of {group}, accusing them of attacks on civilians.
PROTEST/Protest with intervention+ACCUSE || Police fired tear gas at {protesters} in {capital} {day}, and the opposition accused the government of brutality.
ASSAULT/Air/drone strike+ACCUSE || An airstrike killed {n} people in {town} {day}, and {intl} condemned it as a violation of international law.
ASSAULT/Shelling/artillery/missile attack+REJECT || {n} people were killed by shelling in {town}; {army} denied firing on the town.
ASSAULT/Non-state actor overtakes territory+MOBILIZE/Other || {fighters} seized {town} {day}, prompting {army} to rush reinforcements to the area.
ASSAULT/Attack+ASSAULT/Abduction/forced disappearance || Gunmen killed {n} villagers and abducted {n2} others in a raid on {town} {day}.
ASSAULT/Remote explosive/landmine/IED+ACCUSE || A roadside bomb killed {n} soldiers near {town}, and {gov} blamed {group} for the blast.
AGREE/Agreement+CONCEDE || Under a deal agreed {day}, {group} released {n} hostages in exchange for prisoners held by {gov}.
THREATEN+REQUEST || {gov} warned of a tough response and urged {foe} to rein in its forces.
CONSULT+AGREE/Agreement || After talks in {city}, {gov} and {group} agreed to extend the truce by a week.
PROTEST/Peaceful protest+COERCE/Arrests || Hundreds of {protesters} rallied in {capital} {day}, hours after police detained an opposition leader at his home.
ASSAULT/Air/drone strike+ASSAULT/Armed clash || Warplanes struck targets in {town} while {troops} fought {fighters} on the ground.
REQUEST+SUPPORT || {intl} praised the ceasefire deal and urged both sides to respect it.
ACCUSE+THREATEN || {gov} accused {foe} of provocation and warned it would defend its territory.
ASSAULT/Armed clash+ACCUSE || {army} said {fighters} attacked its positions near {town} {day}, accusing them of breaking the truce.
MOBILIZE/Other+THREATEN || {gov} sent troops to the border and warned {foe} against further incursions.
ASSAULT/Attack+PROTEST/Peaceful protest || Gunmen killed {n} people in {town} {day}, and hundreds of residents marched the next morning to demand protection.
REJECT+REQUEST || {gov} rejected the ultimatum and called on {intl} to intervene.
CONCEDE+SUPPORT || {gov} released {n} detained protesters, a move welcomed and praised by {intl}.
ASSAULT/Shelling/artillery/missile attack+ASSAULT/Air/drone strike || Shelling and drone strikes hit {town} and {town2} {day}, killing {n} people.
COERCE/Arrests+ACCUSE || Police arrested {n} people in {town} {day}, accusing them of plotting attacks for {group}.
AID/Other+REQUEST || The first aid convoy in weeks reached {town} {day}, and aid agencies appealed for more access.
SANCTION/Other+REJECT || Washington imposed new sanctions {day}, which {gov} rejected as unlawful.
CONSULT+REJECT || {gov} met {mediator}'s envoy {day} but rejected the proposed ceasefire terms.
ASSAULT/Remote explosive/landmine/IED+REJECT || A bomb exploded outside a police station in {town}; {group} denied involvement.
"""

# Headlines: no final full stop, present tense.
HEADLINES = r"""
ASSAULT/Non-state actor overtakes territory || {Fighters} seize {town} as army retreats
ASSAULT/Remote explosive/landmine/IED || {N} killed in roadside bomb blast near {town}
ASSAULT/Air/drone strike || Airstrike kills {n} in {town}, say residents
PROTEST/Protest with intervention || Police fire tear gas at {protesters} in {capital}
ACCUSE || {Gov} condemns deadly attack on {town}
REQUEST || UN calls for ceasefire in {region}
ASSAULT/Government regains territory || Troops retake {town} from {group}
CONSULT || Talks between government and {group} to resume in {city}
ASSAULT/Armed clash || Heavy fighting in {town} as {fighters} attack army positions
ASSAULT/Abduction/forced disappearance || Gunmen abduct {n} students in {region}
COERCE/Arrests || Opposition leader arrested in {capital}
PROTEST/Peaceful protest || Thousands march in {capital} against the government
SANCTION/Other || US sanctions {group} commanders
ASSAULT/Shelling/artillery/missile attack || Missile strike on {town} kills {n}
REJECT || {Group} denies role in {town} bombing
AGREE/Agreement || Warring sides agree to truce in {region}
ASSAULT/Suicide bomb || Suicide bomber kills {n} at {town} checkpoint
THREATEN || {Gov} warns of retaliation after border incident
MOBILIZE/Other || Army sends reinforcements to {region}
PROTEST/Excessive force against protesters || {N} protesters shot dead in {town}
- || Analysis: Why {region} keeps burning
- || Explainer: Who are the fighters of {group}?
- || Stocks rally as ceasefire hopes grow
- || {team} battle past {team2} to reach final
- || Storm kills {n} in {region}
- || Live updates: the latest from {region}
- || Opinion: the world has forgotten {country}
- || Timeline: the conflict in {region}
- || Photos: life returns to {town}
- || Watch: scenes from {capital}
"""

# Hard negatives: nothing codable (history, period tolls, generic states, hypotheticals, negation,
# boilerplate, metaphors, disasters, rhetoric, questions).
NEGATIVE = r"""
- || In {year}, {fighters} seized {town} and held it for several months.
- || {army} and {group} fought a bloody war in the region in the 1990s.
- || The two countries fought two wars over the territory, in the 1990s and in {year}.
- || {town} was the scene of a massacre in {year} in which hundreds of people died.
- || The conflict began in {year} when {group} took up arms against the government.
- || {group} was founded in {year} and has since spread into neighbouring countries.
- || A ceasefire signed in {year} collapsed two years later.
- || Since {year}, the fighting has killed more than {bign} people and displaced millions.
- || Similar protests in {year} were put down by force.
- || The last major offensive on {town}, in {month} {year}, left hundreds dead.
- || The group carried out a string of bombings in {capital} between {year} and {year2}.
- || Back in {year}, {intl} imposed sanctions on several senior officials.
- || {town} was captured by {fighters} in {year} and retaken by the army the following year.
- || In {month} {year}, {troops} launched an offensive that drove {fighters} from the city.
- || The region has not seen such violence since the civil war of {year}.
- || {gov} came to power in a coup in {year}.
- || The peace deal signed in {year} ended decades of war but left many grievances unresolved.
- || During the {year} uprising, security forces killed dozens of protesters in {capital}.
- || The abduction of schoolgirls from {town} in {year} drew worldwide condemnation.
- || More than {bign} people have been killed in {region} since {month}, according to {intl}.
- || The violence has displaced {bign} people this year.
- || {bign} civilians have died since the war began.
- || Attacks in the region have killed at least {bign} people so far this year.
- || The conflict has killed tens of thousands of people and forced millions from their homes.
- || At least {bign} people have been abducted in {region} over the past three years.
- || Tensions remain high along the border.
- || The security situation in {region} remains volatile.
- || {group} controls large parts of {region}.
- || {region} has been plagued by violence for more than a decade.
- || {group} frequently attacks army positions in the area.
- || {fighters} often kidnap travellers for ransom on the highways of {region}.
- || The town is home to about {bign} people, many of them displaced by earlier fighting.
- || Relations between {country} and its neighbours have been strained for years.
- || {army} is stretched thin across several fronts.
- || Armed groups operate freely in the border area.
- || Insecurity has made farming impossible in much of {region}.
- || The army regularly carries out operations against {group} in the forests of {region}.
- || Hunger is spreading in {region}, where aid agencies say millions need help.
- || Analysts fear {group} could launch a fresh offensive on {town} in the coming weeks.
- || If the talks fail, fighting could resume across {region}.
- || Residents worry that {fighters} may attack the town again.
- || A full-scale war would devastate the region, experts say.
- || Officials said an attack on {town} was possible but not imminent.
- || Any attempt to seize {town} would be met with stiff resistance, observers said.
- || Should the ceasefire collapse, aid agencies would have to evacuate their staff.
- || Diplomats said sanctions were under consideration but no decision had been made.
- || The army might be forced to withdraw from {town} if supplies run out, a source said.
- || Experts say a negotiated settlement is the only way to end the war.
- || Observers believe the militants are planning to regroup in {region}.
- || No casualties were reported.
- || There were no reports of fighting in {town} on {weekday}.
- || Police said no arrests had been made.
- || The army did not say how many soldiers were killed.
- || It was not immediately clear who was behind the attack.
- || No group has claimed responsibility for the bombing.
- || The planned talks in {city} did not take place.
- || {gov} did not respond to a request for comment.
- || There was no immediate comment from {group}.
- || The ceasefire appeared to be holding, with no violations reported overnight.
- || Nobody was injured, officials said.
- || The army has not commented on the reports.
- || Reuters could not independently verify the accounts.
- || {src} said the situation in {town} was calm on {weekday}.
- || The army said it was still assessing the damage.
- || Details of the incident could not be independently confirmed.
- || {town} lies about 60 km north of {capital}.
- || The region is rich in gold, oil and other minerals.
- || The UN has about {bign} peacekeepers deployed in the country.
- || Phone lines to {town} have been down since the weekend, making it hard to get information.
- || {region} is one of the poorest areas of {country}.
- || The president is expected to address the nation later this week.
- || The ministry said it would publish the full figures next month.
- || {team} battled back from two goals down to beat {team2} 3-2 on {weekday}.
- || The striker fired a shot into the top corner in the 89th minute to seal the win.
- || Stocks plunged on {weekday} as investors fled risky assets.
- || The central bank launched a fresh assault on inflation by raising interest rates.
- || The champions crushed their rivals in the final.
- || The two companies are locked in a fierce battle for market share.
- || {team} captured the title after a thrilling win over {team2}.
- || The home side bombarded the visitors' goal in the second half but could not score.
- || Oil prices fell sharply as traders bet on weaker demand.
- || The currency came under attack from speculators in early trading.
- || The new smartphone has triggered a price war among retailers.
- || Shares in the mining company were hammered after a profit warning.
- || Rival candidates clashed over tax policy in a televised debate.
- || The coach said his players had fought hard until the final whistle.
- || A tropical storm killed {n} people and forced thousands to flee in {region}.
- || Floods swept away homes in {town}, killing {n} people.
- || An earthquake struck near {town} {day}, killing at least {n} people.
- || A bus plunged into a ravine near {town}, killing {n} passengers.
- || A fire at a market in {town} destroyed dozens of stalls.
- || Lightning killed {n} herders near {town} {day}.
- || A landslide buried several houses in {region} after days of heavy rain.
- || Cholera has killed {n} people in camps around {town} this month.
- || A boat carrying migrants capsized off the coast, and {n} people drowned.
- || A gas explosion at a restaurant in {capital} killed {n} diners.
- || Sign up for our daily newsletter.
- || Support independent journalism in {region}: donate today.
- || Copyright {year2} The Associated Press. All rights reserved.
- || Click here to subscribe to our coverage.
- || Follow us on social media for the latest updates.
- || This article has been updated with a statement from the army.
- || We use cookies to improve your experience on our website.
- || Related coverage: {town} residents flee as fighting nears.
- || Photo: Smoke rises over {town} after an airstrike.
- || Additional reporting by our correspondent in {capital}.
- || Read more about the conflict in {region} on our website.
- || Subscribe to our podcast for weekly analysis.
- || All rights reserved. This material may not be published or redistributed.
- || "We will never bow to terrorists," {gov} told supporters at a rally.
- || "Our people want peace, not war," he said.
- || "This is a dark day for our country," said one resident.
- || "We are tired of running," said a mother of five who fled {town}.
- || "The road to peace is long, but we have started walking it," the envoy said.
- || "History will judge those who stayed silent," the bishop said in his sermon.
- || "We have lost everything," a farmer told reporters.
- || Will the ceasefire hold?
- || What happens next in {town}?
- || Can the army retake {town} before the rainy season?
- || Who is behind the wave of kidnappings in {region}?
- || The film explores the legacy of the war in {region}.
- || The museum in {capital} tells the story of the {year} genocide.
- || A court in {capital} sentenced a former commander to 20 years in prison for crimes committed in {year}.
- || The report, published {day}, documents abuses committed over the past decade.
- || {gov} is expected to visit the region later this year, although no date has been set.
- || Aid agencies say they need $200 million to feed the displaced until the next harvest.
- || The militants' leader, who was killed in {year}, remains a powerful symbol for his followers.
- || Prices of basic goods in {town} have tripled since the blockade began.
"""

# Hypothetical, negated or denied versions of events: the event word is there, the event is not.
# A denial by a party is itself coded (REJECT); the denied violence is not.
CONTRAST = r"""
- || {army} did not attack {town}, a military spokesman said.
- || No fighting was reported around {town} {day}.
- || {fighters} failed to enter {town}, and the night passed without incident.
- || There have been no airstrikes on {town} since the truce took effect.
- || The protest planned for {weekday} was called off.
- || The two sides have yet to agree on a date for talks.
- || Talks were postponed indefinitely.
- || No agreement was reached.
- || Police have made no arrests in connection with the killings.
- || The government has not imposed any sanctions so far.
- || It is unclear whether the army will withdraw from {town}.
- || {group} could strike {capital} at any time, analysts warned.
- || The minister said troops would be deployed only if the situation deteriorated.
- || Residents said they feared a new wave of abductions.
- || A ceasefire, if agreed, would allow aid to reach {town}.
- || Whether the rebels can hold {town} remains to be seen.
- || An offensive on {town} is widely expected but has not begun.
REJECT || {group} denied attacking the convoy near {town}.
REJECT || {army} denied shelling the market in {town}.
REJECT || {gov} denied that its forces had detained the journalist.
REJECT || {foe} denied sending troops across the border.
THREATEN || {gov} threatened to expel foreign diplomats.
THREATEN || {intl} said it could impose sanctions if the violence continues.
THREATEN || {group} warned it would resume attacks if its demands were not met.
"""

TEAMS = ("Al Ahly", "Enyimba", "Simba SC", "the Eagles", "the national team", "Kaizer Chiefs", "Wydad",
         "the visitors", "the champions", "the home side", "Esperance", "Zamalek", "the Lions", "City")
CITIES = ("Doha", "Addis Ababa", "Nairobi", "Geneva", "Jeddah", "Cairo", "Istanbul", "Luanda", "Havana", "Oslo",
          "Abu Dhabi", "Brussels", "Vienna", "New York", "Lome", "Dakar", "Kampala", "Muscat", "Riyadh", "Ankara")

# More surface forms of the same events (progressive, perfect, nominal, passive), and verbal acts whose
# content names violence that is not itself reported ("urged them to stop attacking").
VARIANTS = r"""
MOBILIZE/Other || {country} is deploying {n2} troops to {region} to shore up the army.
MOBILIZE/Other || The deployment of {n2} {troops} to {town} began {day}.
MOBILIZE/Other || {gov} is sending {n2} more troops to {region}, the defence ministry said.
MOBILIZE/Other || {country} has started moving armoured units into {region}, officials said.
MOBILIZE/Other || {n2} police officers were dispatched to {town} {day} to restore order.
MOBILIZE/Other || {army} has massed tanks and artillery near {town}, satellite images show.
MOBILIZE/Other || The advance party of a larger force arrived in {town} {day}, with more troops to follow.
MOBILIZE/Other || {gov} mobilised thousands of reservists {day} and moved them towards {region}.
MOBILIZE/Other || Special forces were flown into {town} {day} to reinforce local units.
COERCE/Arrests || Detectives picked up four men suspected of running a kidnapping ring in {town} {day}.
COERCE/Arrests || The arrest of {n} activists in {capital} {day} drew criticism from rights groups.
COERCE/Arrests || {n} people have been detained since {weekday} in connection with the attack, police said.
COERCE/Arrests || Among those held was a local commander of {group}, who was picked up at a checkpoint near {town}.
COERCE/Arrests || A search operation by {troops} in {town} {day} led to the arrest of {n} suspects.
COERCE/Arrests || Intelligence agents are holding a prominent lawyer who was seized from his office in {capital} {day}.
REQUEST || {gov} told {group} to cease its attacks on civilians before any negotiations could begin.
REQUEST || {intl} urged {army} to end the shelling of residential areas in {town}.
REQUEST || {gov} pressed its partners for faster deliveries of air defence systems.
REQUEST || {intl} demanded that {fighters} halt their offensive on {town} immediately.
REQUEST || {gov} asked {intl} to help free the hostages held by {group}.
REQUEST || {intl} called for an investigation into the killing of {n} civilians in {town}.
REQUEST || Relatives of the kidnapped students begged the authorities to negotiate with the abductors.
REQUEST || {intl} told all parties to refrain from attacks on hospitals and schools.
REQUEST || In a joint statement, {intl} and {intl2} called on both sides to return to the negotiating table.
REQUEST || {gov} appealed to {protesters} to call off their march and to enter dialogue.
REQUEST || {gov} wants {intl} to send observers to {region}, his spokesman said.
ACCUSE || {gov} accused {fighters} of killing {n} civilians in {town} {day}.
ACCUSE || {intl} said {army} had committed war crimes during the offensive on {town}.
ACCUSE || {foe} accused {army} of preparing a new offensive near {town}.
ACCUSE || The opposition accused the government of using the army to crush dissent.
ACCUSE || {group} blamed {army} for the deaths of civilians in an airstrike on {town}.
ACCUSE || {gov} condemned what it called a terrorist attack on {town} and vowed that those responsible would be punished.
ACCUSE || {intl} criticised the arrest of {n} journalists in {capital} {day}.
ACCUSE || {intl} is investigating reports that {troops} executed prisoners near {town}.
REJECT || {army} rejected claims that its troops had attacked civilians in {town}.
REJECT || {group} dismissed the government's account of the clashes as propaganda.
REJECT || {gov} refused to allow the UN investigators into {region}.
REJECT || {gov} turned down an offer of mediation from {mediator}.
THREATEN || {army} warned {fighters} that it would attack if they did not leave {town} by {weekday}.
THREATEN || {gov} threatened to send troops into {region} if the attacks on soldiers did not stop.
THREATEN || {group} said it would keep attacking military targets until {foe} withdraws.
THREATEN || {foe} warned {country} against any attempt to retake {town} by force.
CONSULT || {gov} held talks with {intl} on {weekday} about the fighting in {region}.
CONSULT || {intl} arrived in {capital} {day} for meetings with {gov}.
CONSULT || The envoy met representatives of {group} in {city} {day}, his office said.
CONSULT || {gov} and {intl} discussed the crisis in a phone call {day}.
CONSULT || Regional leaders gathered in {city} {day} for an emergency summit on {region}.
AGREE/Agreement || The sides agreed {day} that armed units would leave {town} and that police would take over security.
AGREE/Agreement || The truce, agreed late on {weekday} after mediation by {mediator}, took effect at midnight.
AGREE/Agreement || Both delegations signed the accord in {city} {day} in the presence of {intl}.
CONCEDE || {n} captives were returned to their families through {intl2} {day}.
CONCEDE || {group} set free {n} soldiers it had captured during fighting near {town}.
CONCEDE || {Gov} frees {n} detainees as goodwill gesture
SUPPORT || {intl} {day} gave its backing to the regional force in {region}.
SUPPORT || {intl2} voiced strong support for {gov} during a visit to {capital}.
SANCTION/Other || {intl} slapped sanctions on {n} senior officials over the crackdown in {town}.
SANCTION/Other || New sanctions were imposed {day} on companies accused of supplying drones to {army}.
AID/Other || Aid trucks carrying food and medicine crossed into {region} {day}.
ASSAULT/Armed clash || The attack on the army post in {town} was repelled after an hour of fighting, the military said.
ASSAULT/Attack || Gunmen on motorbikes attacked {town} {day}, killing {n} residents and stealing cattle.
ASSAULT/Air/drone strike || The military said its jets had hit a compound in {town} where leaders of {group} were gathered.
PROTEST/Peaceful protest || A crowd of about 300 people demonstrated without incident in front of the town hall in {town} {day}, calling for jobs.
PROTEST/Peaceful protest || {protesters} walked to the national assembly in {capital} {day} with banners calling for lower food prices.
PROTEST/Peaceful protest || Demonstrations against water cuts spread to {town} {day}, where crowds blocked roads.
- || Demonstrations over unpaid salaries are a regular occurrence in the region.
- || Analysts said the deployment could take weeks to complete.
- || The talks are expected to focus on the withdrawal of foreign troops.
- || The suspect, who remains in custody, has not yet entered a plea.
- || The law allows the army to detain suspects for up to 90 days without charge.
- || The agreement, which was signed in {year}, has never been fully implemented.
- || The army's spokesman said troops were on alert but gave no details.
- || The mission's mandate expires at the end of the year.
- || The statement did not say when the troops would arrive.
- || {gov} has repeatedly called for dialogue with the armed groups.
"""

# Neutral context that real wire sentences carry; added around sentences without changing their labels.
PREFIXES = ("Separately, ", "Meanwhile, ", "Elsewhere, ", "In a separate development, ", "Earlier, ",
            "In the latest development, ", "Also on Thursday, ", "Late on Friday, ")
SUFFIXES = (", the latest in a string of incidents in the area", ", officials said, without giving details",
            ", as the country braces for elections next month", ", in a region where several armed groups operate",
            ", according to a statement posted on social media", ", the second such incident this week",
            ", amid growing anger over the cost of living", ", a claim that could not be independently verified",
            ", according to local media reports", ", in an area that has seen repeated violence since 2017",
            ", two security sources told Reuters", ", despite a truce announced last year")

# The two ACLED strategic sub-types the other banks lack.
STRATEGIC = r"""
ASSAULT/Disrupted weapons use || Air defences shot down {n} drones over {town} {day}, the military said.
ASSAULT/Disrupted weapons use || {troops} defused a roadside bomb planted on the road to {town} {day}.
ASSAULT/Disrupted weapons use || A missile fired at {town} was intercepted before it reached the city {day}.
ASSAULT/Disrupted weapons use || Bomb disposal experts disarmed an explosive device found near a school in {town}.
ASSAULT/Disrupted weapons use || {army} said it had foiled a plot by {group} to bomb a market in {town}.
COERCE/Disrupted weapons use || {police} seized a large cache of weapons and explosives belonging to {group} in {town} {day}.
COERCE/Disrupted weapons use || Soldiers found and destroyed a bomb-making workshop used by {fighters} near {town}.
COOPERATE/Change to group/activity || {group} and a rival faction announced {day} that they had merged into a single coalition.
COOPERATE/Change to group/activity || Several armed groups in {region} formed a new alliance against {army} {day}.
RETREAT/Change to group/activity || {group} announced {day} that it was dissolving its armed wing and entering politics.
RETREAT/Change to group/activity || A breakaway faction of {group} said it was laying down its arms and disbanding.
"""
