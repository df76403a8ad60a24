/**
 * Referring expressions in the style of RRSIS-D and RefSegRS with what a careful annotator
 * writes down: Penn tags, and the masks the reference's rules give for those tags.
 * Masks are lists of token positions (Treebank word index + 1); 'l' = p fell back to l_mask.
 * `tagged` is "word/TAG" pairs separated by spaces.
 */
export interface TableRow {
  text: string;
  dataset: 'rrsisd' | 'refsegrs';
  tagged: string;
  t: number[];
  p: number[] | 'l';
  /** why the row is here, when it checks a quirk of the reference */
  note?: string;
}

const R = 'rrsisd';
const S = 'refsegrs';

export const TABLE: TableRow[] = [
  // RRSIS-D: colours, sizes, positions
  { text: 'a storage tank in the middle', dataset: R, tagged: 'a/DT storage/NN tank/NN in/IN the/DT middle/NN', t: [2, 3], p: [4, 5, 6] },
  { text: 'the gray bridge over the river at the bottom', dataset: R, tagged: 'the/DT gray/JJ bridge/NN over/IN the/DT river/NN at/IN the/DT bottom/NN', t: [3], p: [4, 5, 6, 7, 8, 9] },
  { text: 'the ship on the left', dataset: R, tagged: 'the/DT ship/NN on/IN the/DT left/NN', t: [2], p: [3, 4, 5] },
  { text: 'the white storage tank at the top left corner', dataset: R, tagged: 'the/DT white/JJ storage/NN tank/NN at/IN the/DT top/JJ left/JJ corner/NN', t: [3, 4], p: [5, 6, 7, 8], note: 'rule 2 of the grammar: <IN><DT><JJ><JJ>' },
  { text: 'the vehicle at the top right corner', dataset: R, tagged: 'the/DT vehicle/NN at/IN the/DT top/JJ right/JJ corner/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the second ship from the right', dataset: R, tagged: 'the/DT second/JJ ship/NN from/IN the/DT right/NN', t: [3], p: [4, 5, 6] },
  { text: 'the small vehicle next to the building', dataset: R, tagged: 'the/DT small/JJ vehicle/NN next/JJ to/TO the/DT building/NN', t: [3], p: 'l', note: '"to" is TO, not IN: no chunk' },
  { text: 'the large red airplane near the bottom right', dataset: R, tagged: 'the/DT large/JJ red/JJ airplane/NN near/IN the/DT bottom/JJ right/NN', t: [4], p: [5, 6, 7, 8] },
  { text: 'the leftmost ship', dataset: R, tagged: 'the/DT leftmost/JJ ship/NN', t: [3], p: 'l' },
  { text: 'a baseball field in the lower part of the image', dataset: R, tagged: 'a/DT baseball/NN field/NN in/IN the/DT lower/JJR part/NN of/IN the/DT image/NN', t: [2, 3], p: [4, 5, 6, 7] },
  { text: 'the windmill at the bottom left', dataset: R, tagged: 'the/DT windmill/NN at/IN the/DT bottom/JJ left/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the chimney on the right side', dataset: R, tagged: 'the/DT chimney/NN on/IN the/DT right/JJ side/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the expressway service area in the center', dataset: R, tagged: 'the/DT expressway/NN service/NN area/NN in/IN the/DT center/NN', t: [2, 3, 4], p: [5, 6, 7] },
  { text: 'the dam at the top', dataset: R, tagged: 'the/DT dam/NN at/IN the/DT top/NN', t: [2], p: [3, 4, 5] },
  { text: 'the airplane in the upper part of the image', dataset: R, tagged: 'the/DT airplane/NN in/IN the/DT upper/JJ part/NN of/IN the/DT image/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the ship that is located in the upper left', dataset: R, tagged: 'the/DT ship/NN that/WDT is/VBZ located/VBN in/IN the/DT upper/JJ left/NN', t: [2], p: [6, 7, 8, 9] },
  { text: 'the biggest storage tank', dataset: R, tagged: 'the/DT biggest/JJS storage/NN tank/NN', t: [3, 4], p: 'l' },
  { text: 'the gray ship at the lower left', dataset: R, tagged: 'the/DT gray/JJ ship/NN at/IN the/DT lower/JJR left/NN', t: [3], p: [4, 5, 6, 7] },
  { text: 'the overpass in the upper right', dataset: R, tagged: 'the/DT overpass/NN in/IN the/DT upper/JJ right/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the blue tennis court near the bottom right', dataset: R, tagged: 'the/DT blue/JJ tennis/NN court/NN near/IN the/DT bottom/JJ right/NN', t: [3, 4], p: [5, 6, 7, 8] },
  { text: 'a green tennis court on the far right', dataset: R, tagged: 'a/DT green/JJ tennis/NN court/NN on/IN the/DT far/JJ right/NN', t: [3, 4], p: [5, 6, 7, 8] },
  { text: 'the bridge located on the left', dataset: R, tagged: 'the/DT bridge/NN located/VBN on/IN the/DT left/NN', t: [2], p: [4, 5, 6] },
  { text: 'the vehicle between the two buildings', dataset: R, tagged: 'the/DT vehicle/NN between/IN the/DT two/CD buildings/NNS', t: [2], p: 'l', note: '<NN> is exactly NN: no chunk ends in NNS' },
  { text: 'the ships in the harbor', dataset: R, tagged: 'the/DT ships/NNS in/IN the/DT harbor/NN', t: [2, 5], p: [3, 4, 5], note: '"ship" is a substring of "ships"' },
  { text: 'the overpass above the expressway', dataset: R, tagged: 'the/DT overpass/NN above/IN the/DT expressway/NN', t: [2], p: [3, 4, 5] },
  { text: 'the tennis court closest to the road', dataset: R, tagged: 'the/DT tennis/NN court/NN closest/JJS to/TO the/DT road/NN', t: [2, 3], p: 'l' },
  { text: 'the ground track field surrounded by trees', dataset: R, tagged: 'the/DT ground/NN track/NN field/NN surrounded/VBN by/IN trees/NNS', t: [2, 3, 4], p: 'l' },
  { text: 'the windmill on the hill', dataset: R, tagged: 'the/DT windmill/NN on/IN the/DT hill/NN', t: [2], p: [3, 4, 5] },
  { text: 'the dam across the river', dataset: R, tagged: 'the/DT dam/NN across/IN the/DT river/NN', t: [2], p: [3, 4, 5] },
  { text: 'the chimney with the tallest height', dataset: R, tagged: 'the/DT chimney/NN with/IN the/DT tallest/JJS height/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the train station near the railway', dataset: R, tagged: 'the/DT train/NN station/NN near/IN the/DT railway/NN', t: [2, 3], p: [4, 5, 6] },
  { text: 'the expressway toll station on the right side of the road', dataset: R, tagged: 'the/DT expressway/NN toll/NN station/NN on/IN the/DT right/JJ side/NN of/IN the/DT road/NN', t: [2, 3, 4], p: [5, 6, 7, 8] },
  { text: 'the airport in the center of the image', dataset: R, tagged: 'the/DT airport/NN in/IN the/DT center/NN of/IN the/DT image/NN', t: [2], p: [3, 4, 5] },
  { text: 'the stadium at the top left', dataset: R, tagged: 'the/DT stadium/NN at/IN the/DT top/JJ left/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the basketball court to the right of the tennis court', dataset: R, tagged: 'the/DT basketball/NN court/NN to/TO the/DT right/NN of/IN the/DT tennis/NN court/NN', t: [2, 3, 9, 10], p: 'l', note: 'the only chunk, "of the tennis", is dropped' },
  { text: 'the ship docked at the pier', dataset: R, tagged: 'the/DT ship/NN docked/VBN at/IN the/DT pier/NN', t: [2], p: [4, 5, 6] },
  { text: 'the leftmost airplane', dataset: R, tagged: 'the/DT leftmost/JJ airplane/NN', t: [3], p: 'l' },
  { text: 'the uppermost vehicle', dataset: R, tagged: 'the/DT uppermost/JJ vehicle/NN', t: [3], p: 'l' },
  { text: 'the second largest storage tank from the top', dataset: R, tagged: 'the/DT second/JJ largest/JJS storage/NN tank/NN from/IN the/DT top/NN', t: [4, 5], p: [6, 7, 8] },
  { text: 'the airplane parked at the north end of the airport', dataset: R, tagged: 'the/DT airplane/NN parked/VBN at/IN the/DT north/JJ end/NN of/IN the/DT airport/NN', t: [2, 10], p: [4, 5, 6, 7] },
  { text: 'the white ship, on the left', dataset: R, tagged: 'the/DT white/JJ ship/NN ,/, on/IN the/DT left/NN', t: [3], p: [5, 6, 7] },
  { text: "the ship's shadow near the bridge", dataset: R, tagged: "the/DT ship/NN 's/POS shadow/NN near/IN the/DT bridge/NN", t: [2, 7], p: [5, 6, 7], note: 'positions stay Treebank word indices although BERT splits "\'s" in two' },
  { text: 'the dark-gray storage tank on the left', dataset: R, tagged: 'the/DT dark-gray/JJ storage/NN tank/NN on/IN the/DT left/NN', t: [3, 4], p: [5, 6, 7], note: 'no re-alignment: BERT has "dark - gray", so t lands on "- gray"' },
  { text: 'the rectangular-shaped ship docked in the harbor on the right side of the image', dataset: R, tagged: 'the/DT rectangular-shaped/JJ ship/NN docked/VBN in/IN the/DT harbor/NN on/IN the/DT right/JJ side/NN of/IN the/DT image/NN', t: [3, 7], p: [5, 6, 7, 8, 9, 10, 11] },
  { text: 'the ship in the bottom left corner of the image', dataset: R, tagged: 'the/DT ship/NN in/IN the/DT bottom/JJ left/JJ corner/NN of/IN the/DT image/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the airplane on the runway at the top of the image', dataset: R, tagged: 'the/DT airplane/NN on/IN the/DT runway/NN at/IN the/DT top/NN of/IN the/DT image/NN', t: [2], p: [3, 4, 5, 6, 7, 8] },
  { text: 'two storage tanks on the right', dataset: R, tagged: 'two/CD storage/NN tanks/NNS on/IN the/DT right/NN', t: [2, 3], p: [4, 5, 6] },
  { text: 'the harbor with many ships', dataset: R, tagged: 'the/DT harbor/NN with/IN many/JJ ships/NNS', t: [2, 5], p: [3, 4], note: 'rule 2 needs no determiner: "with many" is a chunk' },
  { text: 'the bridge crossing the river in the middle', dataset: R, tagged: 'the/DT bridge/NN crossing/VBG the/DT river/NN in/IN the/DT middle/NN', t: [2], p: [6, 7, 8] },
  { text: 'the vehicle in front of the building', dataset: R, tagged: 'the/DT vehicle/NN in/IN front/NN of/IN the/DT building/NN', t: [2], p: [3, 4] },
  { text: 'a golf field near the lake', dataset: R, tagged: 'a/DT golf/NN field/NN near/IN the/DT lake/NN', t: [2, 3], p: [4, 5, 6] },
  { text: 'the airplane to the left of the terminal', dataset: R, tagged: 'the/DT airplane/NN to/TO the/DT left/NN of/IN the/DT terminal/NN', t: [2], p: 'l' },
  { text: 'the round storage tank near the canal', dataset: R, tagged: 'the/DT round/JJ storage/NN tank/NN near/IN the/DT canal/NN', t: [3, 4], p: [5, 6, 7] },
  { text: 'the ship opposite the harbor', dataset: R, tagged: 'the/DT ship/NN opposite/IN the/DT harbor/NN', t: [2, 5], p: [3, 4, 5] },
  { text: 'the ship on the far left of the harbor', dataset: R, tagged: 'the/DT ship/NN on/IN the/DT far/JJ left/NN of/IN the/DT harbor/NN', t: [2, 9], p: [3, 4, 5, 6] },
  {
    text: 'the second white airplane from the left parked next to the long gray terminal building on the north side of the main runway',
    dataset: R,
    tagged: 'the/DT second/JJ white/JJ airplane/NN from/IN the/DT left/NN parked/VBN next/JJ to/TO the/DT long/JJ gray/JJ terminal/NN building/NN on/IN the/DT north/JJ side/NN of/IN the/DT main/JJ runway/NN',
    t: [4],
    p: [5, 6, 7, 16, 17, 18, 19],
    note: '25 tokens: truncated to 22, [SEP] cut',
  },
  // RefSegRS
  { text: 'the white car parked on the left side of the road', dataset: S, tagged: 'the/DT white/JJ car/NN parked/VBN on/IN the/DT left/JJ side/NN of/IN the/DT road/NN', t: [3, 11], p: [5, 6, 7, 8] },
  { text: 'the car on the right of the road', dataset: S, tagged: 'the/DT car/NN on/IN the/DT right/NN of/IN the/DT road/NN', t: [2, 8], p: [3, 4, 5] },
  { text: 'the white van in the middle of the road', dataset: S, tagged: 'the/DT white/JJ van/NN in/IN the/DT middle/NN of/IN the/DT road/NN', t: [3, 9], p: [4, 5, 6] },
  { text: 'a tree on the left', dataset: S, tagged: 'a/DT tree/NN on/IN the/DT left/NN', t: [2], p: [3, 4, 5] },
  { text: 'the truck parked on the road', dataset: S, tagged: 'the/DT truck/NN parked/VBN on/IN the/DT road/NN', t: [2, 6], p: [4, 5, 6] },
  { text: 'the car on the street', dataset: S, tagged: 'the/DT car/NN on/IN the/DT street/NN', t: [2, 5], p: [3, 4, 5], note: '"tree" is found in "street"' },
  { text: 'the building with a red roof', dataset: S, tagged: 'the/DT building/NN with/IN a/DT red/JJ roof/NN', t: [2], p: 'l', note: '"with a red roof" contains "of": dropped' },
  { text: 'the car on the left next to the truck on the road', dataset: S, tagged: 'the/DT car/NN on/IN the/DT left/NN next/JJ to/TO the/DT truck/NN on/IN the/DT road/NN', t: [2, 9, 12], p: [3, 4, 5], note: 'both phrases start with "on": both marked at the first "on"' },
  { text: 'the bus on the road', dataset: S, tagged: 'the/DT bus/NN on/IN the/DT road/NN', t: [2, 5], p: [3, 4, 5] },
  { text: 'the truck with a trailer', dataset: S, tagged: 'the/DT truck/NN with/IN a/DT trailer/NN', t: [2, 5], p: [3, 4, 5] },
  { text: 'low vegetation near the sidewalk', dataset: S, tagged: 'low/JJ vegetation/NN near/IN the/DT sidewalk/NN', t: [1, 2, 5], p: [3, 4, 5] },
  { text: 'the impervious surface beside the building', dataset: S, tagged: 'the/DT impervious/JJ surface/NN beside/IN the/DT building/NN', t: [2, 3, 6], p: [4, 5, 6] },
  { text: 'the bikeway along the road', dataset: S, tagged: 'the/DT bikeway/NN along/IN the/DT road/NN', t: [2, 5], p: [3, 4, 5] },
  { text: 'the road marking in the middle of the road', dataset: S, tagged: 'the/DT road/NN marking/NN in/IN the/DT middle/NN of/IN the/DT road/NN', t: [2, 3], p: [4, 5, 6] },
  { text: 'the van parked behind the bus', dataset: S, tagged: 'the/DT van/NN parked/VBN behind/IN the/DT bus/NN', t: [2, 6], p: [4, 5, 6] },
  { text: 'a tree in the lower left corner', dataset: S, tagged: 'a/DT tree/NN in/IN the/DT lower/JJR left/JJ corner/NN', t: [2], p: [3, 4, 5, 6] },
  { text: 'the trees on the left side of the road', dataset: S, tagged: 'the/DT trees/NNS on/IN the/DT left/JJ side/NN of/IN the/DT road/NN', t: [2, 9], p: [3, 4, 5, 6] },
  { text: 'the sidewalk next to the building on the right', dataset: S, tagged: 'the/DT sidewalk/NN next/JJ to/TO the/DT building/NN on/IN the/DT right/NN', t: [2, 6], p: [7, 8, 9] },
  { text: 'The White Car On The Left', dataset: S, tagged: 'The/DT White/JJ Car/NN On/IN The/DT Left/NN', t: [], p: [4, 5, 6], note: 'categories are matched case-sensitively' },
  { text: 'the car behind the white truck', dataset: S, tagged: 'the/DT car/NN behind/IN the/DT white/JJ truck/NN', t: [2, 6], p: [3, 4, 5, 6] },
  { text: 'the grey van next to the light gray building', dataset: S, tagged: 'the/DT grey/JJ van/NN next/JJ to/TO the/DT light/JJ gray/JJ building/NN', t: [3, 9], p: 'l' },
  { text: 'a small red car', dataset: S, tagged: 'a/DT small/JJ red/JJ car/NN', t: [4], p: 'l' },
  {
    text: 'the small white car parked next to the long gray building and the big red truck and the yellow bus on the left',
    dataset: S,
    tagged: 'the/DT small/JJ white/JJ car/NN parked/VBN next/JJ to/TO the/DT long/JJ gray/JJ building/NN and/CC the/DT big/JJ red/JJ truck/NN and/CC the/DT yellow/JJ bus/NN on/IN the/DT left/NN',
    t: [4, 11, 16],
    p: 'l',
    note: 'truncated to 20 tokens: "bus" and "on the left" fall past the end, so p falls back to l',
  },
];
