"""Table-driven: number expressions of six languages, their values, concepts, cues, spans.

Claim rows:     lang | text | claim text (exact span) | value | quantity | approx
Non-claim rows: lang | text | number as written | kind (ordinal | year | date | time)
A claim row checks the claim that starts the earliest in the text.
"""
from __future__ import annotations

import math

import pytest

from checker.claims import extract_claims
from checker.claims.dates import find_dates
from checker.claims.numbers import scan_numbers
from checker.core import Document

CLAIMS = r"""
en | Russia launched 728 drones overnight. | 728 drones | 728 | drones | exact
en | Air defences shot down 1,343 drones. | 1,343 drones | 1343 | drones shot down | exact
en | The army fired 1.250 drones at the city. | 1.250 drones | 1250 | drones | exact
en | The troops moved 1.250 km in a week. | 1.250 km | 1.25 | distance | exact
en | Some 100 000 troops massed at the border. | Some 100 000 troops | 100000 | soldiers | about
en | Some 100 000 troops massed at the border. | Some 100 000 troops | 100000 | soldiers | about
en | Nearly 100,000 soldiers were deployed. | Nearly 100,000 soldiers | 100000 | soldiers | about
en | More than 30,000 sanctions were imposed. | More than 30,000 sanctions | 30000 | sanctions | at-least
en | At least 12 people were killed. | At least 12 people were killed | 12 | deaths | at-least
en | Up to 40 missiles hit the region. | Up to 40 missiles | 40 | missiles | at-most
en | About 250,000 shells a month are produced. | About 250,000 shells | 250000 | shells | about
en | The blast killed twelve civilians. | twelve civilians | 12 | deaths | exact
en | Twenty-five soldiers were captured. | Twenty-five soldiers | 25 | soldiers | exact
en | Two hundred and thirty drones were launched. | Two hundred and thirty drones | 230 | drones | exact
en | Tens of thousands of soldiers have died. | Tens of thousands of soldiers have died | 10000 | deaths | at-least
en | Hundreds of drones attack every night. | Hundreds of drones | 100 | drones | at-least
en | Dozens of missiles were fired. | Dozens of missiles | 12 | missiles | at-least
en | Russia holds 20% of the territory. | 20% of the territory | 20 | territory-share | exact
en | Russia occupies about a fifth of the territory. | about a fifth of the territory | 20 | territory-share | about
en | Ukraine lost half of its territory. | half of its territory | 50 | territory-share | exact
en | The economy grew 4.3 percent last year. | 4.3 percent | 4.3 | growth | exact
en | Inflation reached 9.5% in May. | 9.5% | 9.5 | inflation | exact
en | The US pledged $4bn in aid. | $4bn in aid | 4e9 | money | exact
en | The US pledged $4 billion in military aid. | $4 billion in military aid | 4e9 | money | exact
en | The EU approved €2.5 billion of support. | €2.5 billion of support | 2.5e9 | money | exact
en | Troops advanced 15 miles in a day. | 15 miles | 15 | distance | exact
en | Forces captured 1,000 square kilometres of territory. | 1,000 square kilometres of territory | 1000 | area | exact
en | Forces took 380 sq mi of territory. | 380 sq mi of territory | 380 | area | exact
en | Kyiv agreed to a 30-day ceasefire. | 30-day ceasefire | 30 | ceasefire-duration | exact
en | Between 10 and 15 drones were shot down. | Between 10 and 15 drones | 10 | drones shot down | at-least
en | 10-15 tanks were destroyed. | 10-15 tanks | 10 | tanks destroyed | at-least
en | 232 people died and 1,343 were injured. | 232 people died | 232 | deaths | exact
en | 1,343 were injured in the strikes. | 1,343 were injured | 1343 | injured | exact
en | Over 700 drones were launched. | Over 700 drones | 700 | drones | at-least
en | Fewer than 50 prisoners were swapped. | Fewer than 50 prisoners | 50 | prisoners | at-most
en | Roughly 2 million refugees fled. | Roughly 2 million refugees | 2e6 | refugees | about
en | Russia captured 92 villages this year. | 92 villages | 92 | villages | exact
en | The strike damaged 3 aircraft. | 3 aircraft | 3 | aircraft | exact
en | A dozen tanks were lost. | dozen tanks | 12 | tanks | about
en | The plant produces 6,000 tonnes of explosives a year. | 6,000 tonnes of explosives | 6000 | explosives | exact
en | Russia launched 1.5 million shells. | 1.5 million shells | 1.5e6 | shells | exact
en | The attack involved 400 drones and 18 missiles. | 400 drones | 400 | drones | exact
en | Officials counted 3000 warheads. | 3000 warheads | 3000 | warheads | exact
en | Almost 2,000 soldiers were wounded. | Almost 2,000 soldiers were wounded | 2000 | injured | about
en | Russia fired 155 Ukrainian drones. | 155 Ukrainian drones | 155 | drones | exact
en | Approximately 1,200 troops crossed. | Approximately 1,200 troops | 1200 | soldiers | about
en | The aid is worth 61 billion dollars. | 61 billion dollars | 61e9 | money | exact
en | Russia lost 3,000 tanks or more. | 3,000 tanks | 3000 | tanks | at-least
en | The strike killed 5 people. | 5 people | 5 | deaths | exact
en | Some 1.28 million shells were ordered. | Some 1.28 million shells | 1.28e6 | shells | about
en | About 2/3 of the territory is mined. | About 2/3 of the territory | 66.6667 | territory-share | about
en | Russia launched 1.250 missiles. | 1.250 missiles | 1250 | missiles | exact
fr | Plus de 1.250 kilomètres carrés de territoire. | Plus de 1.250 kilomètres carrés de territoire | 1250 | area | at-least
fr | Près de 100.000 soldats russes. | Près de 100.000 soldats | 100000 | soldiers | about
fr | Environ 250.000 obus par mois. | Environ 250.000 obus | 250000 | shells | about
fr | Une production de 6 000 tonnes d'explosifs par an. | 6 000 tonnes d'explosifs | 6000 | explosives | exact
fr | Une production de 6 000 tonnes d'explosifs par an. | 6 000 tonnes d'explosifs | 6000 | explosives | exact
fr | Une production de 6 000 tonnes d'explosifs. | 6 000 tonnes d'explosifs | 6000 | explosives | exact
fr | Une production de 6 000 tonnes d'explosifs. | 6 000 tonnes d'explosifs | 6000 | explosives | exact
fr | Charger environ 1,28 million d'obus. | environ 1,28 million d'obus | 1.28e6 | shells | about
fr | Une croissance de 4,3 % l'an dernier. | 4,3 % | 4.3 | growth | exact
fr | Une croissance de 4,3 % l'an dernier. | 4,3 % | 4.3 | growth | exact
fr | Environ 4 milliards de dollars d'aide. | Environ 4 milliards de dollars d'aide | 4e9 | money | about
fr | Une aide de 4 billions de dollars. | 4 billions de dollars | 4e12 | money | exact
fr | Deux soldats ont été tués. | Deux soldats ont été tués | 2 | deaths | exact
fr | Des dizaines de milliers de morts. | dizaines de milliers de morts | 10000 | deaths | at-least
fr | Une dizaine de drones ont été abattus. | dizaine de drones | 10 | drones shot down | about
fr | Une centaine de soldats. | centaine de soldats | 100 | soldiers | about
fr | Des centaines de drones chaque nuit. | centaines de drones | 100 | drones | at-least
fr | Quatre-vingt-dix-sept missiles ont été tirés. | Quatre-vingt-dix-sept missiles | 97 | missiles | exact
fr | Vingt et un villages ont été repris. | Vingt et un villages | 21 | villages | exact
fr | Deux cent mille réfugiés. | Deux cent mille réfugiés | 200000 | refugees | exact
fr | Soixante-dix chars détruits. | Soixante-dix chars | 70 | tanks destroyed | exact
fr | De 10 à 15 drones ont été lancés. | De 10 à 15 drones | 10 | drones | at-least
fr | Entre 10 et 15 missiles. | Entre 10 et 15 missiles | 10 | missiles | at-least
fr | Jusqu'à 40 missiles. | Jusqu'à 40 missiles | 40 | missiles | at-most
fr | Moins de 50 prisonniers ont été échangés. | Moins de 50 prisonniers | 50 | prisoners | at-most
fr | Au moins 12 personnes ont été tuées. | Au moins 12 personnes ont été tuées | 12 | deaths | at-least
fr | La Russie occupe 20 % du territoire. | 20 % du territoire | 20 | territory-share | exact
fr | La Russie occupe la moitié du territoire. | la moitié du territoire | 50 | territory-share | exact
fr | Un tiers du territoire est miné. | Un tiers du territoire | 33.3333 | territory-share | exact
fr | Une trêve de 30 jours. | 30 jours | 30 | ceasefire-duration | exact
fr | Un cessez-le-feu de 30 jours. | 30 jours | 30 | ceasefire-duration | exact
fr | Quelque 100 000 soldats. | Quelque 100 000 soldats | 100000 | soldiers | about
fr | Quelque 100 000 soldats. | Quelque 100 000 soldats | 100000 | soldiers | about
fr | Plus de 30 000 sanctions. | Plus de 30 000 sanctions | 30000 | sanctions | at-least
fr | Les forces ont avancé de 12 km. | 12 km | 12 | distance | exact
fr | 1 343 blessés ont été recensés. | 1 343 blessés | 1343 | injured | exact
fr | 232 morts et 1 343 blessés. | 232 morts | 232 | deaths | exact
fr | Trois millions d'obus par an. | Trois millions d'obus | 3e6 | shells | exact
fr | 1,5 million de réfugiés. | 1,5 million de réfugiés | 1.5e6 | refugees | exact
fr | Une aide de 2 Md$ a été votée. | 2 Md$ | 2e9 | money | exact
fr | 92 villes sont contrôlées. | 92 villes | 92 | towns | exact
fr | Environ 46 % de frappes en plus. | Environ 46 % | 46 | share | about
fr | Près de dix heures de frappes. | Près de dix heures | 10 | duration | about
fr | Un bilan de 728 drones et 13 missiles. | 728 drones | 728 | drones | exact
fr | 1.250 drones ont été lancés. | 1.250 drones | 1250 | drones | exact
fr | La Russie a perdu 3 000 chars. | 3 000 chars | 3000 | tanks | exact
fr | Deux à trois missiles par jour. | Deux à trois missiles | 2 | missiles | at-least
fr | Pas moins de 40 avions. | Pas moins de 40 avions | 40 | aircraft | at-least
fr | Une inflation de 9,5 % en mai. | 9,5 % | 9.5 | inflation | exact
de | Rund 1.250 Drohnen wurden gestartet. | Rund 1.250 Drohnen | 1250 | drones | about
de | Mehr als 30.000 Sanktionen. | Mehr als 30.000 Sanktionen | 30000 | sanctions | at-least
de | Fast 100.000 Soldaten. | Fast 100.000 Soldaten | 100000 | soldiers | about
de | Etwa 250.000 Granaten pro Monat. | Etwa 250.000 Granaten | 250000 | shells | about
de | Fünfundzwanzig Soldaten wurden gefangen genommen. | Fünfundzwanzig Soldaten | 25 | soldiers | exact
de | Zweihundertdreißig Drohnen. | Zweihundertdreißig Drohnen | 230 | drones | exact
de | Dreißig Raketen wurden abgefangen. | Dreißig Raketen | 30 | missiles shot down | exact
de | Zehntausende Tote. | Zehntausende Tote | 10000 | deaths | at-least
de | Hunderte Drohnen jede Nacht. | Hunderte Drohnen | 100 | drones | at-least
de | Dutzende Raketen. | Dutzende Raketen | 12 | missiles | at-least
de | 4,3 Prozent Wachstum. | 4,3 Prozent Wachstum | 4.3 | growth | exact
de | Ein Wachstum von 4,3 %. | 4,3 % | 4.3 | growth | exact
de | 1,28 Millionen Granaten. | 1,28 Millionen Granaten | 1.28e6 | shells | exact
de | 4 Milliarden Dollar Hilfe. | 4 Milliarden Dollar Hilfe | 4e9 | money | exact
de | 2 Mio. Euro Hilfe. | 2 Mio. Euro | 2e6 | money | exact
de | 3 Mrd. Euro Unterstützung. | 3 Mrd. Euro | 3e9 | money | exact
de | Eine Waffenruhe von 30 Tagen. | 30 Tagen | 30 | ceasefire-duration | exact
de | Eine 30-tägige Waffenruhe. | 30-tägige Waffenruhe | 30 | ceasefire-duration | exact
de | 1.250 Quadratkilometer Gebiet. | 1.250 Quadratkilometer Gebiet | 1250 | area | exact
de | 6 000 Tonnen Sprengstoff. | 6 000 Tonnen Sprengstoff | 6000 | explosives | exact
de | Bis zu 40 Raketen. | Bis zu 40 Raketen | 40 | missiles | at-most
de | Mindestens 12 Menschen wurden getötet. | Mindestens 12 Menschen wurden getötet | 12 | deaths | at-least
de | Weniger als 50 Gefangene. | Weniger als 50 Gefangene | 50 | prisoners | at-most
de | Zwischen 10 und 15 Drohnen. | Zwischen 10 und 15 Drohnen | 10 | drones | at-least
de | 10 bis 15 Panzer. | 10 bis 15 Panzer | 10 | tanks | at-least
de | Knapp 2.000 Soldaten wurden verwundet. | Knapp 2.000 Soldaten wurden verwundet | 2000 | injured | about
de | 232 Menschen starben. | 232 Menschen starben | 232 | deaths | exact
de | 1.343 Verletzte. | 1.343 Verletzte | 1343 | injured | exact
de | 92 Dörfer wurden eingenommen. | 92 Dörfer | 92 | villages | exact
de | Die Hälfte des Gebiets. | Die Hälfte des Gebiets | 50 | territory-share | exact
de | Ein Drittel des Staatsgebiets. | Ein Drittel des Staatsgebiets | 33.3333 | territory-share | exact
de | 20 Prozent des Territoriums. | 20 Prozent des Territoriums | 20 | territory-share | exact
de | Zwei Millionen Flüchtlinge. | Zwei Millionen Flüchtlinge | 2e6 | refugees | exact
de | 15 Kilometer vorgerückt. | 15 Kilometer | 15 | distance | exact
de | Über 700 Drohnen. | Über 700 Drohnen | 700 | drones | at-least
de | Gut 700 Drohnen. | Gut 700 Drohnen | 700 | drones | at-least
de | 3.000 Panzer oder mehr. | 3.000 Panzer | 3000 | tanks | at-least
de | 1.000.000 Granaten. | 1.000.000 Granaten | 1e6 | shells | exact
de | 4'500 Soldaten. | 4'500 Soldaten | 4500 | soldiers | exact
de | 12 Kampfjets. | 12 Kampfjets | 12 | aircraft | exact
de | Rund 155 ukrainische Drohnen. | Rund 155 ukrainische Drohnen | 155 | drones | about
de | Ca. 400 Drohnen. | Ca. 400 Drohnen | 400 | drones | about
de | 3.000 Atomsprengköpfe. | 3.000 Atomsprengköpfe | 3000 | warheads | exact
de | 1,5 Millionen Menschen flohen. | 1,5 Millionen Menschen | 1.5e6 | people | exact
de | 728 Drohnen und 13 Raketen. | 728 Drohnen | 728 | drones | exact
de | 9,5 Prozent Inflation. | 9,5 Prozent Inflation | 9.5 | inflation | exact
es | Unos 1.500 muertos. | Unos 1.500 muertos | 1500 | deaths | about
es | Más de 30.000 sanciones. | Más de 30.000 sanciones | 30000 | sanctions | at-least
es | Casi 100.000 soldados. | Casi 100.000 soldados | 100000 | soldiers | about
es | Alrededor de 250.000 proyectiles al mes. | Alrededor de 250.000 proyectiles | 250000 | shells | about
es | Veintiún soldados. | Veintiún soldados | 21 | soldiers | exact
es | Doscientos treinta drones. | Doscientos treinta drones | 230 | drones | exact
es | Ciento veinte misiles. | Ciento veinte misiles | 120 | missiles | exact
es | Treinta y cinco tanques. | Treinta y cinco tanques | 35 | tanks | exact
es | Decenas de miles de muertos. | Decenas de miles de muertos | 10000 | deaths | at-least
es | Cientos de drones cada noche. | Cientos de drones | 100 | drones | at-least
es | Una decena de misiles. | decena de misiles | 10 | missiles | about
es | Un centenar de soldados. | centenar de soldados | 100 | soldiers | about
es | Un crecimiento del 4,3 %. | 4,3 % | 4.3 | growth | exact
es | 4 mil millones de dólares de ayuda. | 4 mil millones de dólares de ayuda | 4e9 | money | exact
es | 2 billones de dólares. | 2 billones de dólares | 2e12 | money | exact
es | 1,28 millones de proyectiles. | 1,28 millones de proyectiles | 1.28e6 | shells | exact
es | Una tregua de 30 días. | 30 días | 30 | ceasefire-duration | exact
es | 1.250 kilómetros cuadrados de territorio. | 1.250 kilómetros cuadrados de territorio | 1250 | area | exact
es | 6.000 toneladas de explosivos. | 6.000 toneladas de explosivos | 6000 | explosives | exact
es | Hasta 40 misiles. | Hasta 40 misiles | 40 | missiles | at-most
es | Al menos 12 personas murieron. | Al menos 12 personas murieron | 12 | deaths | at-least
es | Menos de 50 prisioneros. | Menos de 50 prisioneros | 50 | prisoners | at-most
es | Entre 10 y 15 drones. | Entre 10 y 15 drones | 10 | drones | at-least
es | De 10 a 15 tanques. | De 10 a 15 tanques | 10 | tanks | at-least
es | 232 muertos y 1.343 heridos. | 232 muertos | 232 | deaths | exact
es | 1.343 heridos en total. | 1.343 heridos | 1343 | injured | exact
es | 92 pueblos capturados. | 92 pueblos | 92 | villages | exact
es | La mitad del territorio. | La mitad del territorio | 50 | territory-share | exact
es | El 20 % del territorio. | 20 % del territorio | 20 | territory-share | exact
es | Dos millones de refugiados. | Dos millones de refugiados | 2e6 | refugees | exact
es | 15 kilómetros al sur. | 15 kilómetros | 15 | distance | exact
es | 700 drones o más. | 700 drones | 700 | drones | at-least
es | Cerca de 2.000 soldados heridos. | Cerca de 2.000 soldados heridos | 2000 | injured | about
es | 3.000 ojivas nucleares. | 3.000 ojivas | 3000 | warheads | exact
es | 12 aviones derribados. | 12 aviones | 12 | aircraft shot down | exact
es | Unas 400 drones. | Unas 400 drones | 400 | drones | about
es | 9,5 % de inflación. | 9,5 % de inflación | 9.5 | inflation | exact
es | 155 drones ucranianos. | 155 drones | 155 | drones | exact
es | 1.000.000 de proyectiles. | 1.000.000 de proyectiles | 1e6 | shells | exact
es | Aproximadamente 1.200 efectivos. | Aproximadamente 1.200 efectivos | 1200 | soldiers | about
es | 728 drones y 13 misiles. | 728 drones | 728 | drones | exact
es | Quinientos soldados. | Quinientos soldados | 500 | soldiers | exact
fr | La production atteindra 6{NBSP}000 tonnes d'explosifs. | 6{NBSP}000 tonnes d'explosifs | 6000 | explosives | exact
fr | La production atteindra 6{NNBSP}000 tonnes d'explosifs. | 6{NNBSP}000 tonnes d'explosifs | 6000 | explosives | exact
fr | Une croissance de 4,3{NBSP}% l'an dernier. | 4,3{NBSP}% | 4.3 | growth | exact
fr | Une croissance de 4,3{NNBSP}% en 2024. | 4,3{NNBSP}% | 4.3 | growth | exact
fr | Près de 1{NNBSP}343{NNBSP}000 réfugiés. | Près de 1{NNBSP}343{NNBSP}000 réfugiés | 1343000 | refugees | about
de | Rund 250{NBSP}000 Granaten pro Monat. | Rund 250{NBSP}000 Granaten | 250000 | shells | about
ru | Около 250{NBSP}000 снарядов в месяц. | Около 250{NBSP}000 снарядов | 250000 | shells | about
uk | Понад 30{NNBSP}000 санкцій. | Понад 30{NNBSP}000 санкцій | 30000 | sanctions | at-least
es | Más de 30{NBSP}000 sanciones. | Más de 30{NBSP}000 sanciones | 30000 | sanctions | at-least
en | Some 100{NBSP}000 troops massed there. | Some 100{NBSP}000 troops | 100000 | soldiers | about
ru | Около 250 тыс. снарядов в месяц. | Около 250 тыс. снарядов | 250000 | shells | about
ru | Более 30 000 санкций. | Более 30 000 санкций | 30000 | sanctions | at-least
ru | Почти 100 000 военных. | Почти 100 000 военных | 100000 | soldiers | about
ru | Десятки тысяч погибших. | Десятки тысяч погибших | 10000 | deaths | at-least
ru | Сотни дронов каждую ночь. | Сотни дронов | 100 | drones | at-least
ru | Двадцать пять солдат. | Двадцать пять солдат | 25 | soldiers | exact
ru | Двести тридцать беспилотников. | Двести тридцать беспилотников | 230 | drones | exact
ru | Две тысячи ракет. | Две тысячи ракет | 2000 | missiles | exact
ru | 4,3 % роста. | 4,3 % роста | 4.3 | growth | exact
ru | Рост ВВП на 4,3 %. | 4,3 % | 4.3 | growth | exact
ru | 4 млрд долларов помощи. | 4 млрд долларов помощи | 4e9 | money | exact
ru | 1,28 млн снарядов. | 1,28 млн снарядов | 1.28e6 | shells | exact
ru | Перемирие на 30 дней. | 30 дней | 30 | ceasefire-duration | exact
ru | 1250 кв. км территории. | 1250 кв. км территории | 1250 | area | exact
ru | 6 000 тонн взрывчатки. | 6 000 тонн взрывчатки | 6000 | explosives | exact
ru | До 40 ракет. | До 40 ракет | 40 | missiles | at-most
ru | Не менее 12 человек погибли. | Не менее 12 человек погибли | 12 | deaths | at-least
ru | Менее 50 пленных. | Менее 50 пленных | 50 | prisoners | at-most
ru | От 10 до 15 дронов. | От 10 до 15 дронов | 10 | drones | at-least
ru | 232 погибших и 1343 раненых. | 232 погибших | 232 | deaths | exact
ru | 1343 раненых. | 1343 раненых | 1343 | injured | exact
ru | 92 села. | 92 села | 92 | villages | exact
ru | Половина территории. | Половина территории | 50 | territory-share | exact
ru | 20 % территории Украины. | 20 % территории | 20 | territory-share | exact
ru | Два миллиона беженцев. | Два миллиона беженцев | 2e6 | refugees | exact
ru | На 15 км. | 15 км | 15 | distance | exact
ru | Свыше 700 дронов. | Свыше 700 дронов | 700 | drones | at-least
ru | 3000 боеголовок. | 3000 боеголовок | 3000 | warheads | exact
ru | Сбито 12 самолётов. | 12 самолётов | 12 | aircraft shot down | exact
ru | Примерно 400 дронов. | Примерно 400 дронов | 400 | drones | about
ru | 155 украинских беспилотников. | 155 украинских беспилотников | 155 | drones | exact
ru | 1 000 000 снарядов. | 1 000 000 снарядов | 1e6 | shells | exact
ru | 728 дронов и 13 ракет. | 728 дронов | 728 | drones | exact
ru | Пятьсот солдат. | Пятьсот солдат | 500 | soldiers | exact
ru | 100 танков. | 100 танков | 100 | tanks | exact
ru | 9,5 % инфляции. | 9,5 % инфляции | 9.5 | inflation | exact
ru | Около 2 млн беженцев. | Около 2 млн беженцев | 2e6 | refugees | about
ru | 5 тыс. военнослужащих. | 5 тыс. военнослужащих | 5000 | soldiers | exact
ru | Порядка 300 ракет. | Порядка 300 ракет | 300 | missiles | about
uk | Близько 250 тис. снарядів на місяць. | Близько 250 тис. снарядів | 250000 | shells | about
uk | Понад 30 000 санкцій. | Понад 30 000 санкцій | 30000 | sanctions | at-least
uk | Майже 100 000 військових. | Майже 100 000 військових | 100000 | soldiers | about
uk | Десятки тисяч загиблих. | Десятки тисяч загиблих | 10000 | deaths | at-least
uk | Сотні дронів щоночі. | Сотні дронів | 100 | drones | at-least
uk | Двадцять п'ять солдатів. | Двадцять п'ять солдатів | 25 | soldiers | exact
uk | Двісті тридцять безпілотників. | Двісті тридцять безпілотників | 230 | drones | exact
uk | Дві тисячі ракет. | Дві тисячі ракет | 2000 | missiles | exact
uk | П’ятсот солдатів. | П’ятсот солдатів | 500 | soldiers | exact
uk | Зростання ВВП на 4,3 %. | 4,3 % | 4.3 | growth | exact
uk | 4 млрд доларів допомоги. | 4 млрд доларів допомоги | 4e9 | money | exact
uk | 1,28 млн снарядів. | 1,28 млн снарядів | 1.28e6 | shells | exact
uk | Перемир'я на 30 днів. | 30 днів | 30 | ceasefire-duration | exact
uk | 1250 квадратних кілометрів території. | 1250 квадратних кілометрів території | 1250 | area | exact
uk | 6 000 тонн вибухівки. | 6 000 тонн вибухівки | 6000 | explosives | exact
uk | До 40 ракет. | До 40 ракет | 40 | missiles | at-most
uk | Щонайменше 12 людей загинули. | Щонайменше 12 людей загинули | 12 | deaths | at-least
uk | Менше 50 полонених. | Менше 50 полонених | 50 | prisoners | at-most
uk | Від 10 до 15 дронів. | Від 10 до 15 дронів | 10 | drones | at-least
uk | 232 загиблих і 1343 поранених. | 232 загиблих | 232 | deaths | exact
uk | 1343 поранених. | 1343 поранених | 1343 | injured | exact
uk | 92 села. | 92 села | 92 | villages | exact
uk | Половина території. | Половина території | 50 | territory-share | exact
uk | 20 % території України. | 20 % території | 20 | territory-share | exact
uk | Два мільйони біженців. | Два мільйони біженців | 2e6 | refugees | exact
uk | На 15 км. | 15 км | 15 | distance | exact
uk | Понад 700 дронів. | Понад 700 дронів | 700 | drones | at-least
uk | 3000 боєголовок. | 3000 боєголовок | 3000 | warheads | exact
uk | Збито 12 літаків. | 12 літаків | 12 | aircraft shot down | exact
uk | Приблизно 400 дронів. | Приблизно 400 дронів | 400 | drones | about
uk | 155 російських безпілотників. | 155 російських безпілотників | 155 | drones | exact
uk | 1 000 000 снарядів. | 1 000 000 снарядів | 1e6 | shells | exact
uk | 728 дронів і 13 ракет. | 728 дронів | 728 | drones | exact
uk | 100 танків. | 100 танків | 100 | tanks | exact
uk | 9,5 % інфляції. | 9,5 % інфляції | 9.5 | inflation | exact
uk | Близько 2 млн біженців. | Близько 2 млн біженців | 2e6 | refugees | about
uk | 5 тис. військовослужбовців. | 5 тис. військовослужбовців | 5000 | soldiers | exact
uk | Орієнтовно 300 ракет. | Орієнтовно 300 ракет | 300 | missiles | about
uk | 6 000 тонн вибухівки на рік. | 6 000 тонн вибухівки | 6000 | explosives | exact
"""

NON_CLAIMS = r"""
en | The 2nd battalion held the line. | 2nd | ordinal
en | The 3rd brigade retreated. | 3rd | ordinal
en | The 21st century began. | 21st | ordinal
en | Russia invaded in 2022. | 2022 | year
en | Talks began in February 2022. | 2022 | date
en | This Thursday, July 10, leaders met. | 10 | date
en | On July 10 drones struck. | 10 | date
en | It lasted until almost ten o’clock. | ten | time
en | Sirens sounded at 10:30 in Kyiv. | 10:30 | time
en | The Su-27 was shot down. | 27 | none
en | Since 2014 the war has continued. | 2014 | year
en | The 10 July attack. | 10 | date
fr | Le 2e bataillon de la 35e brigade. | 2e | ordinal
fr | Le 2e bataillon de la 35e brigade. | 35e | ordinal
fr | La 117e brigade de Soumy. | 117e | ordinal
fr | La 2éme armée du monde. | 2éme | ordinal
fr | Le 1er régiment. | 1er | ordinal
fr | La nouvelle usine devrait être achevée en 2025. | 2025 | year
fr | Le défilé du 9 mai à Moscou. | 9 | date
fr | Le 10 juillet 2025, des drones ont frappé. | 10 | date
fr | À 22h, les sirènes ont retenti. | 22h | time
fr | Depuis 2022, la guerre continue. | 2022 | year
fr | Le XXe siècle. | XXe | none
fr | Les frappes de 10h30 ont visé Kiev. | 10h30 | time
de | Das 2. Bataillon der 35. Brigade. | 35. | ordinal
de | Am 9. Mai fand die Parade statt. | 9. | date
de | Seit 2022 herrscht Krieg. | 2022 | year
de | Am 10. Juli 2025 griffen Drohnen an. | 10. | date
de | Um 22 Uhr heulten Sirenen. | 22 | time
de | Im Jahr 2024 stieg die Produktion. | 2024 | year
es | El 2.º batallón resistió. | 2.º | ordinal
es | La 3.ª brigada avanzó. | 3.ª | ordinal
es | El 9 de mayo hubo un desfile. | 9 | date
es | En 2024 la producción creció. | 2024 | year
es | El 10 de julio de 2025 hubo ataques. | 10 | date
ru | 3-й батальон отступил. | 3-й | ordinal
ru | 2-я бригада вошла в город. | 2-я | ordinal
ru | 9 мая прошёл парад. | 9 | date
ru | В 2022 году началась война. | 2022 | year
ru | В ночь с 8 на 9 июля. | 8 | date
uk | 5-та бригада тримає оборону. | 5-та | ordinal
uk | 9 травня відбувся парад. | 9 | date
uk | У 2022 році почалася війна. | 2022 | year
uk | 10 липня 2025 року. | 10 | date
uk | 3-го батальйону. | 3-го | ordinal
"""


def _rows(table: str):
    for line in table.strip().splitlines():
        line = line.replace("{NBSP}", "\u00a0").replace("{NNBSP}", "\u202f")
        yield [x.strip(" ") for x in line.split("|")]


CLAIM_ROWS = list(dict.fromkeys(tuple(r) for r in _rows(CLAIMS)))
NON_CLAIM_ROWS = [tuple(r) for r in _rows(NON_CLAIMS)]


def _doc(lang: str, text: str) -> Document:
    return Document(path="t.txt", text=text, language=lang)


def test_table_is_large_and_covers_six_languages():
    assert len(CLAIM_ROWS) + len(NON_CLAIM_ROWS) >= 300
    assert {r[0] for r in CLAIM_ROWS} == {"en", "fr", "de", "es", "ru", "uk"}


@pytest.mark.parametrize("lang,text,span,value,quantity,approx", CLAIM_ROWS,
                         ids=[f"{r[0]}:{r[2]}" for r in CLAIM_ROWS])
def test_claim(lang, text, span, value, quantity, approx):
    claims = extract_claims(_doc(lang, text))
    assert claims, f"no claim in {text!r}"
    c = claims[0]
    assert c.text == span
    assert text[c.start:c.end] == span
    assert math.isclose(c.value, float(value), rel_tol=1e-4), (c.value, value)
    assert c.quantity == quantity
    assert c.approx == approx


@pytest.mark.parametrize("lang,text,number,kind", NON_CLAIM_ROWS,
                         ids=[f"{r[0]}:{r[1][:30]}:{r[2]}" for r in NON_CLAIM_ROWS])
def test_not_a_quantity(lang, text, number, kind):
    start = text.index(number)
    end = start + len(number)
    claims = extract_claims(_doc(lang, text))
    assert not any(c.start < end and start < c.end for c in claims), claims
    if kind == "none":
        return
    if kind == "date":
        assert any(d.start <= start and end <= d.end for d in find_dates(text, lang)), find_dates(text, lang)
        return
    nums = [n for n in scan_numbers(text, lang) if n.start <= start < n.end]
    assert nums and nums[0].kind == kind, nums
